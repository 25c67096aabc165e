/**
 * The server's evidence-signing key (Ed25519, PKCS#8 PEM), kept owner-only in its data folder:
 * the platform signs every exchange with it and the server signs every judged run with it, so
 * it is the one key KOMBIT trusts. Made on first start, then read as it is.
 */
import { generateEvidenceKeys, keyFingerprint } from '../conformance/evidence/index.ts';
import { createPublicKey } from 'node:crypto';
import { readIfThere, writeOwnerOnly } from './secret-file.ts';

export interface SigningKey {
  privateKeyPem: string;
  publicKeyPem: string;
  fingerprint: string;
}

export async function loadOrCreateSigningKey(path: string): Promise<SigningKey> {
  let privateKeyPem = await readIfThere(path);
  if (!privateKeyPem) {
    privateKeyPem = generateEvidenceKeys().privateKeyPem;
    await writeOwnerOnly(path, privateKeyPem);
  }
  const publicKeyPem = createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKeyPem, publicKeyPem, fingerprint: keyFingerprint(publicKeyPem) };
}
