import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/** SHA-256 of a string (UTF-8), lower-case hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The SHA-256 (hex) of the canonical JSON of any value. */
export function canonicalDigest(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/**
 * The digest of a recorded exchange: SHA-256 (hex) of the canonical JSON of the record without
 * its own top-level `digest` and `signature` fields, so a record can carry its digest and
 * signature and still be re-digested by a verifier.
 */
export function exchangeDigest(exchange: Record<string, unknown>): string {
  const { digest: _digest, signature: _signature, ...rest } = exchange;
  return canonicalDigest(rest);
}
