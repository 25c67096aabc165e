import { canonicalDigest } from './digest.ts';
import { verifyDigest, type KeyInput } from './signature.ts';

/**
 * What the platform states when it signs a run: "I recorded each of these exchanges for this
 * it-system (known by its certificate), and a caller holding that certificate showed me a run
 * with results digest X". That is all it proves:
 * - the exchanges happened, on the platform whose key signed, with that system's certificate,
 *   and the run is for that system (`system.id`, checked against the platform's catalogue)
 *   (the platform checks every digest against its own records before it signs). Whoever holds
 *   the certificate looks the same to the platform: the system, or the runner given its key;
 * - the results digest is the runner's claim, countersigned: the platform does not see the
 *   results and cannot check them. A supplier who runs the runner can ask the same platform to
 *   sign any digest over the same exchanges, and anyone who runs a platform (the embedded one
 *   makes a fresh key in every `klarmeld test`) can sign anything with its own key.
 * So a signature means something only when its key is one the reader trusts: KOMBIT's sheet
 * keeps that list (conformance/onboarding), and `--key` pins one for a single check.
 */
export interface RunAttestationStatement {
  /**
   * `klarmeld.run-attestation/2`: the platform countersigned the runner's results digest (above).
   * `klarmeld.run-judged/1`: the holder of the key judged the run itself: klarmeld server ran the
   * suites against its own platform and built the results from its own records and the trigger
   * replies the supplier's CLI relayed; the supplier never sent a result. Its results are the
   * server's verdicts, not a claim it countersigned.
   */
  kind: AttestationKind;
  runId: string;
  /** `canonicalDigest` of the run document without its `attestation` member. */
  resultsDigest: string;
  /**
   * The it-system of the calling certificate, as the platform's registry knows it (uuid, name),
   * and the SKI system the run is for (`id`, the run's `profile.system`). The platform signs only
   * when its catalogue does not give that id to another it-system (nor the caller to another id);
   * a reader binds the run to the catalogue's `userSystemUuid` of `id` with systemBinding().
   */
  system: { uuid: string; name: string; id: string };
  /** Digests of the exchanges the run relies on, sorted, each recorded by the platform for `system`. */
  exchanges: string[];
  /** ISO 8601, the platform's clock. */
  signedAt: string;
}

/** The kinds of statement a platform signs over a run (see RunAttestationStatement.kind). */
export const attestationKinds = ['klarmeld.run-attestation/2', 'klarmeld.run-judged/1'] as const;
export type AttestationKind = (typeof attestationKinds)[number];

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
  return (
    attestation.digest === attestationDigest(attestation.statement) &&
    verifyDigest(attestation.digest, attestation.signature, key)
  );
}
