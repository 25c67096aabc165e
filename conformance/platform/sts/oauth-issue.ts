import { randomUUID } from 'node:crypto';
import { subjectName } from '../../wire/index.ts';
import { grantToken } from './issue-token.ts';
import { signJwt, x5tS256 } from './jwt.ts';
import { parseOAuthRequest } from './oauth-request.ts';
import { servicePrivilege } from './service-privilege.ts';
import type { StsDirectory, StsIdentity } from './sts-directory.ts';

export interface OAuthReply {
  status: number;
  json: Record<string, unknown>;
  /** The OAuth error code when refused (`invalid_request` …). */
  code?: string;
  message?: string;
}

/** How long the STS's JWT lives. The sources give no figure for the JWT; klarmeld uses the access token's hour. */
export const jwtLifetimeSeconds = 3600;

/** The `spec_ver` claim. KOMBIT's value is not in the sources (StsOAuthConsumer.cs only checks it is there). */
export const jwtSpecVer = 'klarmeld-1.0';

/**
 * The STS's OAuth endpoint (`POST /runtime/api/rest/oauth/v1/issue`): client credentials over the
 * system's certificate give a JWT for a service's entity ID and a municipality, on the same rules as
 * a SAML token (a registered it-system, an approved agreement; issue-token.ts). The JWT's claims
 * are the ones KOMBIT's consumer reads: `iss`, `cvr` (= anvenderkontekst), `spec_ver`, `priv`, and
 * `cnf.x5t#S256` binding it to the TLS certificate; `aud` is the entity ID. The answer is
 * `{ access_token, token_type: "Holder-of-key", expires_in }`, a refusal `{ error, error_description }`:
 * `invalid_request` (StsOAuthConsumer.cs), `invalid_client` (401: no registered it-system holds the
 * certificate) and `invalid_scope` (no such service, or no agreement) from RFC 6749.
 */
export function issueOAuth(
  body: string,
  contentType: string | undefined,
  tlsCertPem: string,
  deps: { directory: StsDirectory; identity: StsIdentity; now: Date },
): OAuthReply {
  const parsed = parseOAuthRequest(body, contentType);
  if (!parsed.ok) return refuse(400, parsed.error, parsed.description);
  const { entityId, cvr, onBehalfOf } = parsed.request;
  const result = grantToken({ certPem: tlsCertPem, entityId, cvr }, deps);
  if (!result.ok)
    return result.fault.subcode === 'wst:FailedAuthentication'
      ? refuse(401, 'invalid_client', result.fault.reason)
      : refuse(400, 'invalid_scope', result.fault.reason);
  const service = deps.directory.serviceForEntityId(entityId)!;
  const issuedAt = Math.floor(deps.now.getTime() / 1000);
  const claims = {
    iss: deps.identity.issuer,
    sub: subjectName(tlsCertPem),
    aud: entityId,
    cvr,
    spec_ver: jwtSpecVer,
    priv: [servicePrivilege(entityId, service.integration).uri],
    cnf: { 'x5t#S256': x5tS256(tlsCertPem) },
    ...(onBehalfOf && { onbehalfof: onBehalfOf }),
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + jwtLifetimeSeconds,
    jti: randomUUID(),
  };
  return {
    status: 200,
    json: {
      access_token: signJwt(claims, deps.identity),
      token_type: 'Holder-of-key',
      expires_in: jwtLifetimeSeconds,
    },
  };
}

function refuse(status: number, code: string, message: string): OAuthReply {
  return { status, code, message, json: { error: code, error_description: message } };
}
