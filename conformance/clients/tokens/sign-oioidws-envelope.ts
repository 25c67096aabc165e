import { randomUUID } from 'node:crypto';
import {
  escapeXml,
  ns,
  parseXml,
  selectAll,
  selectOne,
  serializeXml,
  uri,
  type XmlDocument,
  type XmlNode,
} from '../../wire/index.ts';
import { samlReference, signWsSecurity } from './wss-sign.ts';

export interface OioidwsOptions {
  /** The saml:Assertion from the STS, serialised (IssuedToken.assertionXml). */
  assertionXml: string;
  /** Private key (PEM) of the certificate the token is bound to (holder-of-key). */
  keyPem: string;
  /** wsa:Action = the operation's soapAction, e.g. http://kombit.dk/sts/organisation/bruger/laes */
  action: string;
  /** wsa:To = the service endpoint URL. */
  to: string;
  now?: Date;
  messageId?: string;
  /** TransactionUUID of the KOMBIT RequestHeader, added when the envelope has none. */
  transactionUuid?: string;
}

/** Options of `buildOioidwsRequest`, which also chooses the envelope's SOAP version. */
export interface OioidwsRequestOptions extends OioidwsOptions {
  /** 1.2 (default, as KOMBIT describes the Støttesystemer) or 1.1 (e.g. a client of SagDokumentIndeksService_6.wsdl). */
  soapVersion?: '1.1' | '1.2';
}

const soapNamespaces: Record<string, 'soap11' | 'soap12'> = { [ns.soap12]: 'soap12', [ns.soap11]: 'soap11' };

/**
 * Turns a SOAP envelope into an OIOIDWS request as KOMBIT's Støttesystemer expect it:
 * Liberty Framework header, WS-Addressing headers, RequestHeader, and a wsse:Security header
 * holding a Timestamp, the SAML assertion, a SecurityTokenReference to it and a signature (made with
 * the holder-of-key) over Body, Action, MessageID, ReplyTo, To, Timestamp, Framework and the token.
 * SOAP 1.2 is what KOMBIT describes; a SOAP 1.1 envelope (what a client generated from the official
 * SagDokumentIndeksService_6.wsdl sends) is signed the same way, its Header, Body and the
 * mustUnderstand attributes in the envelope's own namespace.
 */
export function signOioidwsEnvelope(envelopeXml: string, options: OioidwsOptions): string {
  const doc = parseXml(envelopeXml);
  const envelope = doc.documentElement!;
  const soapNs = envelope.namespaceURI ?? '';
  const soap = soapNamespaces[soapNs];
  if (envelope.localName !== 'Envelope' || !soap) throw new TypeError('OIOIDWS needs a SOAP 1.2 or SOAP 1.1 envelope');
  const prefix = envelope.prefix ? `${envelope.prefix}:` : '';
  envelope.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:wsu', ns.wsu);
  const body = selectOne(`${soap}:Body`, envelope);
  if (!body) throw new TypeError('The envelope has no Body');
  body.setAttributeNS(ns.wsu, 'wsu:Id', 'body');
  let header = selectOne(`${soap}:Header`, envelope);
  if (!header) {
    header = doc.createElementNS(soapNs, `${prefix}Header`);
    envelope.insertBefore(header, body);
  }
  // Headers we own are replaced, so a client library that already wrote some cannot double them.
  for (const stale of selectAll('wsa:*|wsse:Security|sbf:Framework', header)) header.removeChild(stale);

  const now = options.now ?? new Date();
  const assertion = doc.importNode(parseXml(options.assertionXml).documentElement!, true);
  const assertionId = assertion.getAttribute('ID') ?? '';
  const add = (xml: string): XmlNode => header.appendChild(doc.importNode(fragment(xml), true)) as XmlNode;
  const wsa = `xmlns:wsa="${ns.wsa}" xmlns:wsu="${ns.wsu}" xmlns:s="${soapNs}"`;
  add(
    `<sbf:Framework xmlns:sbf="${ns.sbf}" xmlns:sbfprofile="${ns.sbfProfile}" xmlns:wsu="${ns.wsu}" version="2.0" sbfprofile:profile="urn:liberty:sb:profile:basic" wsu:Id="lib"/>`,
  );
  add(`<wsa:Action ${wsa} s:mustUnderstand="1" wsu:Id="action">${escapeXml(options.action)}</wsa:Action>`);
  add(
    `<wsa:MessageID ${wsa} wsu:Id="msgid">${escapeXml(options.messageId ?? `urn:uuid:${randomUUID()}`)}</wsa:MessageID>`,
  );
  add(`<wsa:ReplyTo ${wsa} wsu:Id="replyto"><wsa:Address>${uri.anonymous}</wsa:Address></wsa:ReplyTo>`);
  add(`<wsa:To ${wsa} s:mustUnderstand="1" wsu:Id="to">${escapeXml(options.to)}</wsa:To>`);
  if (!selectOne('*[local-name()="RequestHeader"]', header)) {
    add(
      `<h:RequestHeader xmlns:h="${ns.requestHeader}"><h:TransactionUUID>${escapeXml(options.transactionUuid ?? randomUUID())}</h:TransactionUUID></h:RequestHeader>`,
    );
  }
  const security = add(
    `<wsse:Security xmlns:wsse="${ns.wsse}" xmlns:wsu="${ns.wsu}" xmlns:s="${soapNs}" s:mustUnderstand="1"><wsu:Timestamp wsu:Id="sec-ts"><wsu:Created>${now.toISOString()}</wsu:Created><wsu:Expires>${new Date(now.getTime() + 5 * 60_000).toISOString()}</wsu:Expires></wsu:Timestamp></wsse:Security>`,
  );
  security.appendChild(assertion);
  // As KOMBIT's .NET example (HelloSignRequest): a SecurityTokenReference to the token in the header,
  // signed through the STR Dereference Transform, so the signature also protects the token.
  security.appendChild(doc.importNode(fragment(samlReference(assertionId, 'sec-str')), true));
  return signWsSecurity(serializeXml(doc), {
    keyPem: options.keyPem,
    ids: ['body', 'action', 'msgid', 'replyto', 'to', 'sec-ts', 'lib'],
    strIds: ['sec-str'],
    keyInfoXml: samlReference(assertionId),
  });
}

/** Wraps a body element (XML string) in a SOAP 1.2 (or 1.1) envelope and signs it (see signOioidwsEnvelope). */
export function buildOioidwsRequest(bodyXml: string, options: OioidwsRequestOptions): string {
  const { soapVersion = '1.2', ...signing } = options;
  const envelope = `<s:Envelope xmlns:s="${soapVersion === '1.1' ? ns.soap11 : ns.soap12}"><s:Header/><s:Body>${bodyXml}</s:Body></s:Envelope>`;
  return signOioidwsEnvelope(envelope, signing);
}

function fragment(xml: string): XmlNode {
  return (parseXml(xml) as XmlDocument).documentElement!;
}
