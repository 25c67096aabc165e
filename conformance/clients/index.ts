/** The supplier's side of the wire: what other folders may use (DESIGN.md §2). */
export { contractCatalogue, contractRequest, readContractAnswer } from './contract/index.ts';
export type { ContractCaller, ContractOperationView, ContractServiceView } from './contract/index.ts';
export { personLookupAction, personLookupEnvelope } from './cpr/person-lookup-envelope.ts';
export { buildRestIssueRequest } from './tokens/build-issue-request.ts';
export {
  OioidwsSecurity,
  buildIssueRequest,
  buildOioidwsRequest,
  certificatePem,
  parseIssueResponse,
  parseRestIssueResponse,
  sameCertificate,
  tokenFromAssertion,
} from './tokens/index.ts';
export type { IssueResult, IssuedToken } from './tokens/index.ts';
export { uri } from './tokens/namespaces.ts';
export { bstReference } from './tokens/wss-sign.ts';
export { parseXml, selectAll, selectOne, serializeXml, textOf } from './tokens/xml.ts';
export type { XmlNode } from './tokens/xml.ts';
export { escapeXml } from './xml/escape-xml.ts';
export { accessTokenRequest, oauthTokenRequest, parseTokenReply, readRestAnswer, restRequest } from './rest/index.ts';
export type { RestRequest, RestToken, TokenRequest } from './rest/index.ts';
