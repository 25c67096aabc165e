import type { X509Certificate } from 'node:crypto';

/** SHA-256 fingerprint as the registry stores it: lower-case hex, no colons. */
export function fingerprintOf(certificate: X509Certificate): string {
  return certificate.fingerprint256.replace(/:/g, '').toLowerCase();
}
