import { webcrypto } from 'node:crypto';

/** RSA 2048 with SHA-256: what FOCES certificates and the XML signatures of OIOIDWS use. */
export const rsaAlgorithm = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
} as const;

/**
 * A new RSA key pair for a certificate. WebCrypto makes it on libuv's thread pool, so a key
 * started before other work is made on another core meanwhile (14–91 ms each on a 2-core machine).
 */
export function newKeyPair(): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey(rsaAlgorithm, true, ['sign', 'verify']) as Promise<webcrypto.CryptoKeyPair>;
}

/**
 * PEM text as files on disk have it: ending in a newline. @peculiar/x509 leaves it out, and then
 * `cat cert.pem key.pem > bundle.pem` (what PHP's local_cert and Python's requests want) glues
 * "-----END CERTIFICATE----------BEGIN PRIVATE KEY-----" into one broken line.
 */
export function pemFile(pem: string): string {
  return pem.endsWith('\n') ? pem : `${pem}\n`;
}

export async function privateKeyToPem(key: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

export async function privateKeyFromPem(pem: string): Promise<webcrypto.CryptoKey> {
  const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return webcrypto.subtle.importKey('pkcs8', Buffer.from(b64, 'base64'), rsaAlgorithm, true, ['sign']);
}
