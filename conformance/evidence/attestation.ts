import { canonicalDigest } from './digest.ts';
import { verifyDigest, type KeyInput } from './signature.ts';

/**
 * What the platform states when it signs a run: "the it-system behind this certificate showed me
 * a run whose results digest is X and which relies on these exchanges, all of which I recorded
 * for that system". The supplier runs the tests, but only the platform holds the key, so editing
 * one result afterwards breaks `resultsDigest` and cannot be re-signed without the platform.
 */
export interface RunAttestationStatement {
  kind: 'klarmeld.run-attestation/1';
  runId: string;
  /** `canonicalDigest` of the run document without its `attestation` member. */
  resultsDigest: string;
  /** The it-system of the calling certificate, as the platform's registry knows it. */
  system: { uuid: string; name: string };
  /** Digests of the exchanges the run relies on, sorted, each recorded by the platform for `system`. */
  exchanges: string[];
  /** ISO 8601, the platform's clock. */
  signedAt: string;
}

/** A statement with its digest and the platform's signature (base64 Ed25519) over that digest. */
export interface RunAttestation {
  statement: RunAttestationStatement;
  digest: string;
  signature: string;
}

/** The digest the platform signs: sha256 of the canonical JSON of the statement. */
export function attestationDigest(statement: RunAttestationStatement): string {
  return canonicalDigest(statement);
}

/** Builds a signed attestation; `sign` takes a digest and returns a base64 signature (e.g. `signDigest` with the platform key). */
export function signAttestation(statement: RunAttestationStatement, sign: (digest: string) => string): RunAttestation {
  const digest = attestationDigest(statement);
  return { statement, digest, signature: sign(digest) };
}

/** True when the digest matches the statement and the signature is the key's. */
export function verifyAttestation(attestation: RunAttestation, key: KeyInput): boolean {
  return attestation.digest === attestationDigest(attestation.statement) && verifyDigest(attestation.digest, attestation.signature, key);
}
