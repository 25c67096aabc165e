import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/** An Ed25519 key as a KeyObject or as PEM text (PKCS#8 private, SPKI public). */
export type KeyInput = KeyObject | string;

/** Matches a digest as this module produces it: 64 lower-case hex digits. */
const digestPattern = /^[0-9a-f]{64}$/;

function privateKey(key: KeyInput): KeyObject {
  return typeof key === 'string' ? createPrivateKey(key) : key;
}

function publicKey(key: KeyInput): KeyObject {
  if (typeof key !== 'string') return key.type === 'private' ? createPublicKey(key) : key;
  return createPublicKey(key);
}

/**
 * Signs a digest (the hex string, as UTF-8 bytes) with an Ed25519 private key; returns base64.
 * The platform calls this for every exchange it records and for a run's results digest.
 */
export function signDigest(digest: string, key: KeyInput): string {
  if (!digestPattern.test(digest)) throw new TypeError('signDigest: the digest must be 64 lower-case hex digits');
  return sign(null, Buffer.from(digest, 'utf8'), privateKey(key)).toString('base64');
}

/**
 * True when `signature` (base64) is a valid Ed25519 signature of `digest` under `key`. Never
 * throws on a malformed signature or digest: that is simply not valid evidence.
 */
export function verifyDigest(digest: string, signature: string, key: KeyInput): boolean {
  if (!digestPattern.test(digest) || typeof signature !== 'string') return false;
  try {
    return verify(null, Buffer.from(digest, 'utf8'), publicKey(key), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** A fresh Ed25519 key pair as PEM text (for a platform's data directory, or tests). */
export function generateEvidenceKeys(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey: pub, privateKey: priv } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: pub.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: priv.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** The SPKI PEM of the public half of a key, which a platform publishes and a run embeds. */
export function publicKeyPem(key: KeyInput): string {
  return publicKey(key).export({ type: 'spki', format: 'pem' }).toString();
}

/** SHA-256 (hex) of the DER SPKI of a public key: a short name to pin a platform key by. */
export function keyFingerprint(key: KeyInput): string {
  const der = publicKey(key).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}
