import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { newKeyPair, pemFile, privateKeyToPem, rsaAlgorithm } from './pem.ts';
import { randomSerial, type TestCa } from './test-ca.ts';

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
  serialNumber: string;
}

export interface CertificateRequest {
  subject: string | Record<string, string[]>[];
  kind: 'server' | 'client' | 'signing';
  /** DNS names and IP addresses for a server certificate. */
  dnsNames?: string[];
  ips?: string[];
  now: Date;
  validYears?: number;
}

/**
 * Issues an RSA certificate signed by the test CA, with the key usages its kind needs, for `keys`
 * (default a new pair; a caller may start one earlier, so that it is made while other work runs).
 */
export async function issueCertificate(
  ca: TestCa,
  request: CertificateRequest,
  keyPair: Promise<webcrypto.CryptoKeyPair> = newKeyPair(),
): Promise<IssuedCertificate> {
  const keys = await keyPair;
  const serialNumber = randomSerial();
  const usage =
    request.kind === 'signing'
      ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation
      : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment;
  const extended = request.kind === 'server' ? [x509.ExtendedKeyUsage.serverAuth] : [x509.ExtendedKeyUsage.clientAuth];
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(usage, true),
    await x509.AuthorityKeyIdentifierExtension.create(ca.cert, false),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as unknown as CryptoKey),
  ];
  if (request.kind !== 'signing') extensions.push(new x509.ExtendedKeyUsageExtension(extended, false));
  const names = [
    ...(request.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(request.ips ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  if (names.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(names, false));
  const validFrom = new Date(request.now.getTime() - 3600_000);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber,
    subject: request.subject,
    issuer: ca.cert.subject,
    publicKey: keys.publicKey as unknown as CryptoKey,
    signingKey: ca.key as unknown as CryptoKey,
    notBefore: validFrom,
    notAfter: new Date(validFrom.getTime() + (request.validYears ?? 3) * 365 * 24 * 3600_000),
    signingAlgorithm: rsaAlgorithm,
    extensions,
  });
  return { certPem: pemFile(cert.toString('pem')), keyPem: await privateKeyToPem(keys.privateKey), serialNumber };
}
