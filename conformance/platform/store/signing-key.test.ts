import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyDigest } from '../../evidence/index.ts';
import { signerOf } from './signing-key.ts';

describe('signerOf (a signing key the caller keeps, e.g. the demo)', () => {
  it('signs evidence that verifies against the public key it derives', () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const signer = signerOf(pem);
    const digest = 'a'.repeat(64);
    expect(verifyDigest(digest, signer.sign(digest), signer.publicKeyPem)).toBe(true);
    expect(signerOf(pem).publicKeyPem).toBe(signer.publicKeyPem);
  });

  it('refuses a key that is not Ed25519, naming its type', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => signerOf(rsa)).toThrow('The evidence-signing key must be Ed25519, not rsa');
  });
});
