import { randomUUID } from 'node:crypto';
import { ns, uri } from './namespaces.ts';
import { samlReference, signWsSecurity } from './wss-sign.ts';
import { parseXml, selectAll, selectOne, serializeXml, type XmlDocument, type XmlNode } from './xml.ts';

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

/**
 * Turns a SOAP 1.2 envelope into an OIOIDWS request as KOMBIT's Støttesystemer expect it:
 * Liberty Framework header, WS-Addressing headers, RequestHeader, and a wsse:Security header
 * holding a Timestamp, the SAML assertion, a SecurityTokenReference to it and a signature (made with
 * the holder-of-key) over Body, Action, MessageID, ReplyTo, To, Timestamp, Framework and the token.
 */
export function signOioidwsEnvelope(envelopeXml: string, options: OioidwsOptions): string {
  const doc = parseXml(envelopeXml);
  const envelope = doc.documentElement!;
  if (envelope.localName !== 'Envelope' || envelope.namespaceURI !== ns.soap12) {
    throw new TypeError('OIOIDWS needs a SOAP 1.2 envelope');
  }
  const prefix = envelope.prefix ? `${envelope.prefix}:` : '';
  envelope.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:wsu', ns.wsu);
  const body = selectOne('soap12:Body', envelope);
  if (!body) throw new TypeError('The envelope has no Body');
  body.setAttributeNS(ns.wsu, 'wsu:Id', 'body');
  let header = selectOne('soap12:Header', envelope);
  if (!header) {
    header = doc.createElementNS(ns.soap12, `${prefix}Header`);
    envelope.insertBefore(header, body);
  }
  // Headers we own are replaced, so a client library that already wrote some cannot double them.
  for (const stale of selectAll('wsa:*|wsse:Security|sbf:Framework', header)) header.removeChild(stale);

  const now = options.now ?? new Date();
  const assertion = doc.importNode(parseXml(options.assertionXml).documentElement!, true);
  const assertionId = assertion.getAttribute('ID') ?? '';
  const add = (xml: string): XmlNode => header.appendChild(doc.importNode(fragment(xml), true)) as XmlNode;
  const wsa = `xmlns:wsa="${ns.wsa}" xmlns:wsu="${ns.wsu}" xmlns:s="${ns.soap12}"`;
  add(`<sbf:Framework xmlns:sbf="${ns.sbf}" xmlns:sbfprofile="${ns.sbfProfile}" xmlns:wsu="${ns.wsu}" version="2.0" sbfprofile:profile="urn:liberty:sb:profile:basic" wsu:Id="lib"/>`);
  add(`<wsa:Action ${wsa} s:mustUnderstand="1" wsu:Id="action">${options.action}</wsa:Action>`);
  add(`<wsa:MessageID ${wsa} wsu:Id="msgid">${options.messageId ?? `urn:uuid:${randomUUID()}`}</wsa:MessageID>`);
  add(`<wsa:ReplyTo ${wsa} wsu:Id="replyto"><wsa:Address>${uri.anonymous}</wsa:Address></wsa:ReplyTo>`);
  add(`<wsa:To ${wsa} s:mustUnderstand="1" wsu:Id="to">${options.to}</wsa:To>`);
  if (!selectOne('*[local-name()="RequestHeader"]', header)) {
    add(`<h:RequestHeader xmlns:h="${ns.requestHeader}"><h:TransactionUUID>${options.transactionUuid ?? randomUUID()}</h:TransactionUUID></h:RequestHeader>`);
  }
  const security = add(
    `<wsse:Security xmlns:wsse="${ns.wsse}" xmlns:wsu="${ns.wsu}" xmlns:s="${ns.soap12}" s:mustUnderstand="1"><wsu:Timestamp wsu:Id="sec-ts"><wsu:Created>${now.toISOString()}</wsu:Created><wsu:Expires>${new Date(now.getTime() + 5 * 60_000).toISOString()}</wsu:Expires></wsu:Timestamp></wsse:Security>`,
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

/** Wraps a body element (XML string) in a SOAP 1.2 envelope and signs it (see signOioidwsEnvelope). */
export function buildOioidwsRequest(bodyXml: string, options: OioidwsOptions): string {
  const envelope = `<s:Envelope xmlns:s="${ns.soap12}"><s:Header/><s:Body>${bodyXml}</s:Body></s:Envelope>`;
  return signOioidwsEnvelope(envelope, options);
}

function fragment(xml: string): XmlNode {
  return (parseXml(xml) as XmlDocument).documentElement!;
}
