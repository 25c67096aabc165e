/**
 * Client side of SF1514 and OIOIDWS, as a supplier's system needs it: build and sign a WS-Trust
 * Issue request, read the answer, and sign Støttesystem calls with the issued token.
 * Importing it starts nothing; it needs no network code of its own (send with any HTTPS client
 * that presents the same system certificate for mutual TLS).
 *
 * ```ts
 * const rst = buildIssueRequest({ certPem, keyPem, entityId: 'http://stoettesystemerne.dk/service/organisation/3',
 *                                 cvr: '11111111', to: `${base}/runtime/services/kombittrust/14/certificatemixed` });
 * // POST rst as application/soap+xml over mutual TLS, then:
 * const answer = parseIssueResponse(responseBody);           // { ok: true, token } or { ok: false, fault }
 * const call = buildOioidwsRequest('<LaesInput …/>', { assertionXml: answer.token.assertionXml, keyPem,
 *   action: 'http://kombit.dk/sts/organisation/bruger/laes', to: `${base}/organisation/bruger/6/` });
 * // or, with the soap package / a wsdl-tsclient client: client.setSecurity(new OioidwsSecurity({ … }))
 * ```
 */
export { buildIssueRequest, buildRestIssueRequest, type IssueRequestOptions } from './build-issue-request.ts';
export {
  parseIssueResponse,
  parseRestIssueResponse,
  tokenFromAssertion,
  type IssuedToken,
  type IssueResult,
  type StsFault,
} from './parse-issue-response.ts';
export {
  buildOioidwsRequest,
  signOioidwsEnvelope,
  type OioidwsOptions,
  type OioidwsRequestOptions,
} from './sign-oioidws-envelope.ts';
export { OioidwsSecurity, type OioidwsSecurityOptions } from './oioidws-soap-security.ts';
export { signXml, verifyXmlSignature, type DsigCheck } from './xmldsig.ts';
