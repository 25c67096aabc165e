/**
 * Evidence: canonical JSON, digests of recorded exchanges, and Ed25519 signatures over them.
 * Shared by the platform (which signs) and the framework and `klarmeld verify` (which check).
 * Dependency-free: node:crypto only.
 */
export { canonicalJson } from './canonical-json.ts';
export { canonicalDigest, exchangeDigest, sha256Hex } from './digest.ts';
export {
  generateEvidenceKeys,
  keyFingerprint,
  publicKeyPem,
  signDigest,
  verifyDigest,
  type KeyInput,
} from './signature.ts';
export {
  attestationDigest,
  attestationKinds,
  signAttestation,
  verifyAttestation,
  type AttestationKind,
  type RunAttestation,
  type RunAttestationStatement,
} from './attestation.ts';
export { signingKeyPath } from './signing-key-path.ts';
