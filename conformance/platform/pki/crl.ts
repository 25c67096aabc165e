import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { pemFile, rsaAlgorithm } from './pem.ts';
import type { TestCa } from './test-ca.ts';

export interface RevokedSerial {
  /** Serial number as hex (node's X509Certificate.serialNumber). */
  serialNumber: string;
  revokedAt?: string;
}

/**
 * A certificate revocation list of the test CA, PEM. Given to the HTTPS server as `crl`, OpenSSL
 * refuses a revoked client certificate in the TLS handshake itself (alert certificate_revoked),
 * as a real CA-backed platform does. nextUpdate lies far ahead: an expired CRL would make OpenSSL
 * refuse every client.
 */
export async function createCrl(ca: TestCa, revoked: readonly RevokedSerial[], now: Date): Promise<string> {
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.cert.subjectName,
    thisUpdate: new Date(now.getTime() - 3600_000),
    nextUpdate: new Date(now.getTime() + 10 * 365 * 24 * 3600_000),
    entries: revoked.map((r) => ({
      serialNumber: r.serialNumber.toLowerCase(),
      revocationDate: r.revokedAt ? new Date(r.revokedAt) : now,
    })),
    signingKey: ca.key as unknown as CryptoKey,
    signingAlgorithm: rsaAlgorithm,
  });
  // OpenSSL reads only the RFC 7468 label "X509 CRL"; @peculiar/x509 writes "CRL".
  return pemFile(crl.toString('pem')).replace(/-----(BEGIN|END) CRL-----/g, '-----$1 X509 CRL-----');
}
