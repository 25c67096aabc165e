/** The supplier's side of the wire: what other folders may use (DESIGN.md §2). */
export { contractCatalogue, contractRequest, readContractAnswer } from './contract/index.ts';
export type { ContractCaller, ContractOperationView, ContractServiceView } from './contract/index.ts';
export { personLookupAction, personLookupEnvelope } from './cpr/person-lookup-envelope.ts';
export { buildRestIssueRequest } from './tokens/build-issue-request.ts';
export {
  OioidwsSecurity,
  buildIssueRequest,
  buildOioidwsRequest,
  parseIssueResponse,
  parseRestIssueResponse,
  tokenFromAssertion,
} from './tokens/index.ts';
export type { IssueResult, IssuedToken } from './tokens/index.ts';
export { bstReference } from './tokens/wss-sign.ts';
// The XML and PEM helpers both sides of the wire share, for the suites and the runner as before.
export {
  certificatePem,
  escapeXml,
  parseXml,
  sameCertificate,
  selectAll,
  selectOne,
  serializeXml,
  textOf,
  uri,
} from '../wire/index.ts';
export type { XmlNode } from '../wire/index.ts';
export { accessTokenRequest, oauthTokenRequest, parseTokenReply, readRestAnswer, restRequest } from './rest/index.ts';
export type { RestRequest, RestToken, TokenRequest } from './rest/index.ts';
