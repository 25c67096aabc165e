/**
 * Client side of SF1514 and OIOIDWS, as a supplier's system needs it: build and sign a WS-Trust
 * Issue request, read the answer, and sign Støttesystem calls with the issued token.
 * Importing it starts nothing.
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
export { buildOioidwsRequest, signOioidwsEnvelope, type OioidwsOptions } from './sign-oioidws-envelope.ts';
export { OioidwsSecurity, type OioidwsSecurityOptions } from './oioidws-soap-security.ts';
export { certificateBase64, certificatePem, sameCertificate, subjectName } from './pem.ts';
export { ns, uri } from './namespaces.ts';
