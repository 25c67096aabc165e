import { request, type Agent } from 'undici';
import {
  accessTokenRequest,
  oauthTokenRequest,
  parseTokenReply,
  type RestToken,
} from '../../../conformance/clients/index.ts';
import type { RestSecurity } from '../../../catalog/index.ts';
import type { Clock } from './clock.ts';
import type { TokenSource } from './tokens.ts';
import { ActionError } from './trigger-server.ts';

/** Renew a minute before the token's end, so it never expires on its way to the service. */
const RENEW_MARGIN_MS = 60_000;

/**
 * REST tokens, cached per security model and entity ID for their lifetime: Serviceplatformen's
 * access token (the STS's SAML token for the entity ID, exchanged at the AccessTokenService) or
 * the STS's OAuth JWT (client credentials over the system's certificate).
 */
export function createRestTokens(options: {
  agent: Agent;
  saml: TokenSource;
  cvr: string;
  accessTokenUrl: string;
  oauthUrl: string;
  clock: Clock;
  retry: <T>(call: () => Promise<T>) => Promise<T>;
  keepExpired?: boolean;
}) {
  const cache = new Map<string, { token: RestToken; until: number }>();
  async function fetchToken(security: RestSecurity): Promise<RestToken> {
    const made =
      security.model === 'jwt'
        ? { url: options.oauthUrl, ...oauthTokenRequest(security.entityId, options.cvr) }
        : {
            url: options.accessTokenUrl,
            ...accessTokenRequest((await options.saml.get(security.entityId)).assertionXml),
          };
    const response = await options.retry(() =>
      request(made.url, { method: 'POST', headers: made.headers, body: made.body, dispatcher: options.agent }),
    );
    const reply = parseTokenReply(response.statusCode, await response.body.text());
    if (!reply.ok) throw new ActionError('token-refused', `No REST token for ${security.entityId}: ${reply.reason}`);
    return reply.token;
  }
  return {
    async get(security: RestSecurity): Promise<RestToken> {
      const key = `${security.model} ${security.entityId}`;
      const cached = cache.get(key);
      const valid = cached && cached.until - RENEW_MARGIN_MS > options.clock.now().getTime();
      // rest-expired-token: keeps its first token, whatever its expires_in said.
      if (cached && (valid || options.keepExpired)) return cached.token;
      const token = await fetchToken(security);
      cache.set(key, { token, until: options.clock.now().getTime() + token.expiresInSeconds * 1000 });
      return token;
    },
  };
}
