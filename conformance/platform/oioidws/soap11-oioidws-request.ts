import { randomUUID } from 'node:crypto';
import { ns, uri } from '../../clients/tokens/namespaces.ts';
import type { OioidwsOptions } from '../../clients/tokens/sign-oioidws-envelope.ts';
import { samlReference, signWsSecurity } from '../../clients/tokens/wss-sign.ts';
import { parseXml } from '../../clients/tokens/xml.ts';

/**
 * For tests: an OIOIDWS request in a SOAP 1.1 envelope, as a client generated from the official
 * SagDokumentIndeksService_6.wsdl sends it (its binding is in the SOAP 1.1 WSDL namespace). The
 * same headers and signature as `buildOioidwsRequest` (which signs SOAP 1.2 only): Liberty Framework,
 * WS-Addressing, RequestHeader, and a wsse:Security header with a Timestamp, the SAML assertion, a
 * SecurityTokenReference to it and a holder-of-key signature over all of them and the Body; the
 * mustUnderstand attributes are SOAP 1.1's.
 */
export function buildSoap11OioidwsRequest(bodyXml: string, options: OioidwsOptions): string {
  const now = options.now ?? new Date();
  const assertionXml = options.assertionXml.replace(/^\s*<\?xml[^>]*\?>/, '');
  const assertionId = parseXml(assertionXml).documentElement!.getAttribute('ID') ?? '';
  const expires = new Date(now.getTime() + 5 * 60_000);
  const unsigned =
    `<s:Envelope xmlns:s="${ns.soap11}" xmlns:wsu="${ns.wsu}" xmlns:wsa="${ns.wsa}"><s:Header>` +
    `<sbf:Framework xmlns:sbf="${ns.sbf}" xmlns:sbfprofile="${ns.sbfProfile}" version="2.0" sbfprofile:profile="urn:liberty:sb:profile:basic" wsu:Id="lib"/>` +
    `<wsa:Action s:mustUnderstand="1" wsu:Id="action">${options.action}</wsa:Action>` +
    `<wsa:MessageID wsu:Id="msgid">${options.messageId ?? `urn:uuid:${randomUUID()}`}</wsa:MessageID>` +
    `<wsa:ReplyTo wsu:Id="replyto"><wsa:Address>${uri.anonymous}</wsa:Address></wsa:ReplyTo>` +
    `<wsa:To s:mustUnderstand="1" wsu:Id="to">${options.to}</wsa:To>` +
    `<h:RequestHeader xmlns:h="${ns.requestHeader}"><h:TransactionUUID>${options.transactionUuid ?? randomUUID()}</h:TransactionUUID></h:RequestHeader>` +
    `<wsse:Security xmlns:wsse="${ns.wsse}" s:mustUnderstand="1"><wsu:Timestamp wsu:Id="sec-ts"><wsu:Created>${now.toISOString()}</wsu:Created><wsu:Expires>${expires.toISOString()}</wsu:Expires></wsu:Timestamp>` +
    `${assertionXml}${samlReference(assertionId, 'sec-str')}</wsse:Security>` +
    `</s:Header><s:Body wsu:Id="body">${bodyXml}</s:Body></s:Envelope>`;
  return signWsSecurity(unsigned, {
    keyPem: options.keyPem,
    ids: ['body', 'action', 'msgid', 'replyto', 'to', 'sec-ts', 'lib'],
    strIds: ['sec-str'],
    keyInfoXml: samlReference(assertionId),
  });
}
