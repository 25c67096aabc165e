import { randomUUID } from 'node:crypto';
import { certificateBase64, escapeXml, ns, uri } from '../../wire/index.ts';
import { bstReference, signWsSecurity } from './wss-sign.ts';

export interface IssueRequestOptions {
  /** The it-system's certificate (PEM), the same one it uses for mutual TLS. */
  certPem: string;
  /** Its private key (PEM). */
  keyPem: string;
  /** entityID of the service the token is for (AppliesTo), e.g. http://stoettesystemerne.dk/service/organisation/3 */
  entityId: string;
  /** CVR of the municipality the call is made for (AnvenderKontekst), e.g. 11111111 for Korsbæk. */
  cvr: string;
  /** STS endpoint URL, written into wsa:To. */
  to: string;
  /** Clock; the Timestamp is valid for 5 minutes from now. */
  now?: Date;
  messageId?: string;
}

/**
 * A signed WS-Trust 1.3 Issue request (SOAP 1.2) for SF1514, shaped like KOMBIT's and
 * itk-dev's RST: wsa headers, wsse:Security with Timestamp, BinarySecurityToken and a
 * signature over Action, MessageID, To, ReplyTo, Timestamp, BinarySecurityToken and Body.
 */
export function buildIssueRequest(options: IssueRequestOptions): string {
  const now = options.now ?? new Date();
  const expires = new Date(now.getTime() + 5 * 60_000);
  const cert = certificateBase64(options.certPem);
  const messageId = options.messageId ?? `urn:uuid:${randomUUID()}`;
  const envelope = `<soap:Envelope xmlns:soap="${ns.soap12}" xmlns:wsa="${ns.wsa}" xmlns:wsu="${ns.wsu}" xmlns:wsse="${ns.wsse}">
<soap:Header>
<wsa:Action wsu:Id="action">${uri.issueAction}</wsa:Action>
<wsa:MessageID wsu:Id="msgid">${escapeXml(messageId)}</wsa:MessageID>
<wsa:To wsu:Id="to">${escapeXml(options.to)}</wsa:To>
<wsa:ReplyTo wsu:Id="replyto"><wsa:Address>${uri.anonymous}</wsa:Address></wsa:ReplyTo>
<wsse:Security soap:mustUnderstand="true">
<wsu:Timestamp wsu:Id="sec-ts"><wsu:Created>${now.toISOString()}</wsu:Created><wsu:Expires>${expires.toISOString()}</wsu:Expires></wsu:Timestamp>
<wsse:BinarySecurityToken wsu:Id="sec-bst" EncodingType="${uri.base64Binary}" ValueType="${uri.x509v3}">${cert}</wsse:BinarySecurityToken>
</wsse:Security>
</soap:Header>
<soap:Body wsu:Id="body">
<wst:RequestSecurityToken xmlns:wst="${ns.wst}" Context="urn:uuid:${randomUUID()}">
<wst:RequestType>${uri.issueRequestType}</wst:RequestType>
<wsp:AppliesTo xmlns:wsp="${ns.wsp}"><wsa:EndpointReference><wsa:Address>${escapeXml(options.entityId)}</wsa:Address></wsa:EndpointReference></wsp:AppliesTo>
<wst:Claims Dialect="${uri.claimsDialect}"><auth:ClaimType xmlns:auth="${ns.auth}" Uri="${uri.cvrClaim}" Optional="false"><auth:Value>${escapeXml(options.cvr)}</auth:Value></auth:ClaimType></wst:Claims>
<wst:TokenType>${uri.samlTokenType}</wst:TokenType>
<wst:KeyType>${uri.publicKeyType}</wst:KeyType>
<wst:UseKey><wsse:BinarySecurityToken EncodingType="${uri.base64Binary}" ValueType="${uri.x509v3}">${cert}</wsse:BinarySecurityToken></wst:UseKey>
</wst:RequestSecurityToken>
</soap:Body>
</soap:Envelope>`;
  return signWsSecurity(envelope, {
    keyPem: options.keyPem,
    ids: ['action', 'msgid', 'to', 'replyto', 'sec-ts', 'sec-bst', 'body'],
    keyInfoXml: bstReference('sec-bst'),
  });
}

/**
 * The JSON body of the REST WS-Trust variant (`/runtime/api/rest/wstrust/v1/issue`), as
 * itk-dev's SF1601 client sends it; the certificate travels one-line base64 in UseKey.
 */
export function buildRestIssueRequest(options: Pick<IssueRequestOptions, 'certPem' | 'entityId' | 'cvr'>): object {
  return {
    TokenType: uri.samlTokenType,
    RequestType: uri.issueRequestType,
    KeyType: uri.publicKeyType,
    AnvenderKontekst: { Cvr: options.cvr },
    UseKey: certificateBase64(options.certPem),
    AppliesTo: { EndpointReference: { Address: options.entityId } },
    OnBehalfOf: null,
  };
}
