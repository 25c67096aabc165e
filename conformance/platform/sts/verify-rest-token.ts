import type { Caller } from '../service-handler.ts';
import type { AccessTokenStore } from './access-token-store.ts';
import { verifyJwt, x5tS256 } from './jwt.ts';
import type { StsIdentity } from './sts-directory.ts';

/** Which token a REST service takes: Serviceplatformen's access token, or the STS's OAuth JWT. */
export type RestTokenKind = 'access-token' | 'jwt';

export type RestTokenCheck =
  { ok: true; kind: RestTokenKind; scheme: string; cvr: string } | { ok: false; code: string; reason: string };

const skewSeconds = 300;

/**
 * Checks the `Authorization` header of a call to a REST service: `Holder-of-key <token>` (KOMBIT's
 * samples: Randers' Examples.cs, kombit-service-net) or, for a service that takes the STS's JWT,
 * `Bearer <token>` (the KlassifikationListeHent OpenAPI's bearerAuth scheme), where the token is one the service takes, for its entity ID, in its
 * lifetime, and bound to the certificate of this TLS connection: an access token from the
 * AccessTokenService (looked up), or a JWT from the STS's OAuth endpoint (signature, `aud`, `exp`,
 * `cnf.x5t#S256`). Every refusal is answered 401 "Security Token Invalid" by the caller of this
 * function; `reason` says which check failed.
 */
export function verifyRestToken(
  authorization: string | undefined,
  caller: Caller,
  expect: { entityId: string; accepts: readonly RestTokenKind[] },
  deps: { store: AccessTokenStore; identity: StsIdentity; now: Date },
): RestTokenCheck {
  const match = /^\s*(Holder-of-key|Bearer)\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match)
    return fail(
      'rest.no-token',
      authorization
        ? `The Authorization header is "${authorization.split(/\s+/)[0]} …"; send "Holder-of-key <token>"`
        : 'The call has no Authorization header; send "Holder-of-key <token>"',
    );
  const [, scheme, token] = match as unknown as [string, string, string];
  // Serviceplatformen's access tokens go as Holder-of-key only (its samples); Bearer is the JWT services' OpenAPI scheme.
  if (!expect.accepts.includes('jwt') && scheme.toLowerCase() !== 'holder-of-key')
    return fail(
      'rest.token-scheme',
      `The Authorization scheme is ${scheme}; Serviceplatformen takes "Holder-of-key <token>"`,
    );
  const kind: RestTokenKind = token.split('.').length === 3 ? 'jwt' : 'access-token';
  const wanted = expect.accepts
    .map((k) => (k === 'jwt' ? "a JWT from the STS's OAuth endpoint" : 'an access token from the AccessTokenService'))
    .join(' or ');
  if (!expect.accepts.includes(kind)) return fail('rest.token-kind', `This service takes ${wanted}`);
  const now = deps.now.getTime() / 1000;
  if (kind === 'access-token') {
    const grant = deps.store.get(token);
    if (!grant) return fail('rest.token-unknown', 'The AccessTokenService gave out no such token');
    if (grant.fingerprint !== caller.fingerprint)
      return fail(
        'rest.token-certificate',
        'The token was given to another certificate than the one of this connection',
      );
    if (grant.entityId !== expect.entityId)
      return fail('rest.token-audience', `The token is for ${grant.entityId}; this service is ${expect.entityId}`);
    if (grant.expiresAt.getTime() / 1000 <= now)
      return fail('rest.token-expired', `The token expired at ${grant.expiresAt.toISOString()}; get a new one`);
    return { ok: true, kind, scheme, cvr: grant.cvr };
  }
  const jwt = verifyJwt(token, deps.identity.certPem);
  if (!jwt.ok) return fail('rest.token-signature', `The JWT is not the STS's: ${jwt.reason}`);
  const c = jwt.claims as {
    iss?: unknown;
    aud?: unknown;
    exp?: unknown;
    nbf?: unknown;
    cvr?: unknown;
    cnf?: Record<string, unknown>;
  };
  if (c.iss !== deps.identity.issuer)
    return fail('rest.token-signature', `The JWT's issuer is not ${deps.identity.issuer}`);
  if (c.aud !== expect.entityId)
    return fail('rest.token-audience', `The JWT is for ${String(c.aud)}; this service is ${expect.entityId}`);
  if (
    typeof c.exp !== 'number' ||
    c.exp + skewSeconds <= now ||
    (typeof c.nbf === 'number' && c.nbf - skewSeconds > now)
  )
    return fail('rest.token-expired', 'The JWT is not valid now; get a new one from the STS');
  if (c.cnf?.['x5t#S256'] !== x5tS256(caller.certificate.toString()))
    return fail(
      'rest.token-certificate',
      'The JWT is bound (cnf x5t#S256) to another certificate than the one of this connection',
    );
  return { ok: true, kind, scheme, cvr: String(c.cvr ?? '') };
}

function fail(code: string, reason: string): RestTokenCheck {
  return { ok: false, code, reason };
}
