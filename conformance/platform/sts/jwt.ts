import { createHash, sign, verify, X509Certificate } from 'node:crypto';

/** base64url without padding, as JWS (RFC 7515) writes every part. */
export const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/**
 * The `x5t#S256` thumbprint of a certificate (RFC 8705 §3.1): base64url of the SHA-256 of its DER.
 * KOMBIT's JWT binds the token to the caller's certificate with `cnf: { "x5t#S256": … }`
 * (ctthang/kombit-service-net ConfirmationJwtSecurityTokenHandler.cs).
 */
export function x5tS256(certPem: string): string {
  return base64url(createHash('sha256').update(new X509Certificate(certPem).raw).digest());
}

/** A JWS compact serialisation signed RS256 with the STS's key; its header names the STS certificate. */
export function signJwt(claims: Record<string, unknown>, signer: { keyPem: string; certPem: string }): string {
  const header = { alg: 'RS256', typ: 'JWT', 'x5t#S256': x5tS256(signer.certPem) };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  return `${input}.${base64url(sign('sha256', Buffer.from(input), signer.keyPem))}`;
}

export type JwtCheck = { ok: true; claims: Record<string, unknown> } | { ok: false; reason: string };

/** The claims of a JWT signed RS256 by this certificate's key, or why it is not one. */
export function verifyJwt(token: string, certPem: string): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'it is not a JWT (three base64url parts separated by dots)' };
  let header: { alg?: unknown };
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as { alg?: unknown };
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return { ok: false, reason: 'its header or claims are not base64url JSON' };
  }
  // JSON.parse gives null, numbers and arrays too; only objects are a header and claims (review finding 7).
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(header) || !isObject(claims)) return { ok: false, reason: 'its header or claims are not JSON objects' };
  if (header.alg !== 'RS256') return { ok: false, reason: `its algorithm is ${String(header.alg)}, not RS256` };
  const signed = verify(
    'sha256',
    Buffer.from(`${parts[0]}.${parts[1]}`),
    new X509Certificate(certPem).publicKey,
    Buffer.from(parts[2]!, 'base64url'),
  );
  return signed ? { ok: true, claims } : { ok: false, reason: 'its signature is not the STS’s' };
}
