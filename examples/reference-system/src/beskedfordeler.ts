import { DOMParser } from '@xmldom/xmldom';
import type { Faults } from './faults.ts';

/**
 * SF1461 BeskedFåTilsendt: the Beskedfordeler pushes a Haendelsesbesked to our callback and
 * we answer ModtagBeskedOutput with StandardRetur/StatusKode (20 = received). A message we
 * cannot read gets 40 and a FejlbeskedTekst, so the Beskedfordeler can put it aside instead
 * of believing we have it. The same BeskedId twice is acknowledged but processed once.
 */
const KUVERT = 'urn:oio:besked:kuvert:1.0';
const SAGDOK = 'urn:oio:sagdok:3.0.0';
const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';

export interface ReceivedMessage {
  messageUuid: string;
  messageType: string;
  receivedAt: string;
  deliveries: number;
}

export interface PushReply {
  contentType: string;
  body: string;
}

export function createInbox(faults: Faults) {
  const messages = new Map<string, ReceivedMessage>();

  function receive(xml: string, now: Date): PushReply {
    const parsed = readMessage(xml);
    const bare = faults.has('bare-push-reply');
    if ('error' in parsed) {
      return reply(parsed.soap, faults.has('bad-push-reply') ? 20 : 40, parsed.error, bare);
    }
    if (faults.has('refuse-pushes')) return reply(parsed.soap, 40, 'Modtagelse midlertidigt lukket', bare);
    const message = { ...parsed.message, ...(faults.has('message-type-dropped') ? { messageType: '' } : {}) };
    const key = faults.has('duplicates-stored') ? `${parsed.messageUuid}#${messages.size}` : parsed.messageUuid;
    const known = messages.get(key);
    if (known) known.deliveries += 1;
    else messages.set(key, { ...message, receivedAt: now.toISOString(), deliveries: 1 });
    return reply(parsed.soap, 20, undefined, bare);
  }

  const get = (uuid: string) => messages.get(uuid) ?? [...messages.values()].find((m) => m.messageUuid === uuid);
  return { receive, list: () => [...messages.values()], get };
}

type Parsed =
  | { soap: string | undefined; messageUuid: string; message: { messageUuid: string; messageType: string } }
  | { soap: string | undefined; error: string };

function readMessage(xml: string): Parsed {
  let soap: string | undefined;
  let document: Document;
  try {
    let failed = '';
    document = new DOMParser({
      onError: (level, message) => void (level !== 'warning' && (failed ||= message)),
    }).parseFromString(xml, 'text/xml') as unknown as Document;
    if (failed || !document.documentElement) return { soap, error: `Beskeden er ikke gyldig XML: ${failed}` };
  } catch (error) {
    return { soap, error: `Beskeden er ikke gyldig XML: ${(error as Error).message}` };
  }
  const root = document.documentElement;
  if (root.localName === 'Envelope' && [SOAP11, SOAP12].includes(root.namespaceURI ?? ''))
    soap = root.namespaceURI ?? undefined;
  const besked = document.getElementsByTagNameNS(KUVERT, 'Haendelsesbesked')[0];
  if (!besked) return { soap, error: 'Beskeden indeholder ingen Haendelsesbesked (urn:oio:besked:kuvert:1.0)' };
  const messageUuid = uuidIn(besked, 'BeskedId');
  const messageType = uuidIn(besked, 'Beskedtype');
  if (!messageUuid) return { soap, error: 'Haendelsesbesked mangler BeskedId/UUIDIdentifikator' };
  if (!messageType) return { soap, error: 'Beskedkuvert mangler Filtreringsdata/Beskedtype' };
  return { soap, messageUuid, message: { messageUuid, messageType } };
}

function uuidIn(parent: Element, name: string): string | undefined {
  const element = parent.getElementsByTagNameNS(KUVERT, name)[0];
  const text = element?.getElementsByTagNameNS(SAGDOK, 'UUIDIdentifikator')[0]?.textContent?.trim();
  return text && /^[0-9a-fA-F-]{36}$/.test(text) ? text : undefined;
}

/** `bare` (the `bare-push-reply` fault): the StandardRetur without the ModtagBeskedOutput around it. */
function reply(soap: string | undefined, status: number, error?: string, bare = false): PushReply {
  const retur =
    `<sd:StandardRetur xmlns:sd="${SAGDOK}"><sd:StatusKode>${status}</sd:StatusKode>` +
    (error ? `<sd:FejlbeskedTekst>${escapeXml(error)}</sd:FejlbeskedTekst>` : '') +
    `</sd:StandardRetur>`;
  const output = bare
    ? retur
    : `<sts:ModtagBeskedOutput xmlns:sts="urn:oio:sts:1.0.0">${retur}</sts:ModtagBeskedOutput>`;
  if (!soap) return { contentType: 'text/xml; charset=utf-8', body: `<?xml version="1.0" encoding="UTF-8"?>${output}` };
  return {
    contentType: soap === SOAP12 ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8',
    body: `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${soap}"><soap:Body>${output}</soap:Body></soap:Envelope>`,
  };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}
