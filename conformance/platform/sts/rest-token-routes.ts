import type { HttpRoute, PlatformServices, RouteReply } from '../service-handler.ts';
import { accessTokenStore } from './access-token-store.ts';
import { exchangeSamlToken } from './exchange-saml-token.ts';
import { issueOAuth } from './oauth-issue.ts';
import { registryStsDirectory } from './registry-sts-directory.ts';
import { stsIdentity } from './sts-identity.ts';

export const oauthPath = '/runtime/api/rest/oauth/v1/issue';
export const accessTokenPath = '/service/AccessTokenService_1/token';

const json = (status: number, body: unknown, record: RouteReply['record']): RouteReply => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
  record,
});

/** The STS's OAuth client-credentials endpoint (oauth-issue.ts), recorded as SF1514 OAuthClientCredentials issue. */
export const oauthRoute: HttpRoute = {
  method: 'POST',
  path: oauthPath,
  async handle(request, platform) {
    const directory = registryStsDirectory(platform.registry, platform.catalog);
    const reply = issueOAuth(request.body, request.headers['content-type'], request.caller.certificate.toString(), {
      directory,
      identity: await stsIdentity(platform),
      now: platform.clock(),
    });
    const refused = reply.code ? { code: reply.code, text: reply.message ?? '' } : undefined;
    return json(reply.status, reply.json, {
      integration: 'SF1514',
      service: 'OAuthClientCredentials',
      operation: 'issue',
      findings: refused ? [{ severity: 'error', code: `oauth.${refused.code}`, message: refused.text }] : [],
      ...(refused && { fault: refused }),
    });
  },
};

/** Serviceplatformen's AccessTokenService (exchange-saml-token.ts); its tokens are kept in the platform's database. */
export const accessTokenRoute: HttpRoute = {
  method: 'POST',
  path: accessTokenPath,
  async handle(request, platform: PlatformServices) {
    const directory = registryStsDirectory(platform.registry, platform.catalog);
    const result = exchangeSamlToken(request.body, request.caller, {
      identity: await stsIdentity(platform),
      now: platform.clock(),
      knowsEntityId: (entityId) => directory.serviceForEntityId(entityId) !== undefined,
    });
    const record = { integration: 'SF1514', service: 'AccessTokenService', operation: 'token' };
    if (!result.ok)
      return json(
        result.status,
        { error: result.error, error_description: result.description },
        {
          ...record,
          findings: [{ severity: 'error', code: `access-token.${result.error}`, message: result.description }],
          fault: { code: result.error, text: result.description },
        },
      );
    accessTokenStore(platform.database).put(result.grant);
    const expiresIn = Math.round((result.grant.expiresAt.getTime() - platform.clock().getTime()) / 1000);
    return json(
      200,
      { access_token: result.grant.token, token_type: 'Holder-of-key', expires_in: expiresIn },
      { ...record, findings: [] },
    );
  },
};
