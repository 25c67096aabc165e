/**
 * Where a running platform serves its Ed25519 public key (SPKI PEM): the key that signs every
 * exchange digest and run attestation. The platform serves it; `klarmeld verify --platform` and
 * the runner fetch it from there to pin the key a run was signed with.
 */
export const signingKeyPath = '/.well-known/klarmeld/signing-key';
