/** The supplier's side of KOMBIT's REST services: the token requests, the calls and their answers. */
export {
  accessTokenRequest,
  oauthTokenRequest,
  parseTokenReply,
  type RestToken,
  type TokenRequest,
} from './rest-tokens.ts';
export { readRestAnswer, restRequest, type RestRequest } from './rest-request.ts';
