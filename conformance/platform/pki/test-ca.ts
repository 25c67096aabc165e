import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { ensureSecretFile, writeSecretFile } from '../store/secret-file.ts';
import { newKeyPair, pemFile, privateKeyFromPem, privateKeyToPem, rsaAlgorithm } from './pem.ts';

export interface TestCa {
  certPem: string;
  certPath: string;
  cert: x509.X509Certificate;
  key: webcrypto.CryptoKey;
}

const years = (from: Date, n: number) =>
  new Date(Date.UTC(from.getUTCFullYear() + n, from.getUTCMonth(), from.getUTCDate()));

/** Makes @peculiar/x509 use Node's WebCrypto (it looks for a browser `crypto` otherwise). */
export function useNodeCrypto(): void {
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
}

/**
 * The platform's test CA, in `<dataDir>/ca/`: created on first start, read back on every later
 * start, so certificates issued earlier stay valid. Like KOMBIT's test CA it issues both the
 * server certificate and the it-systems' certificates; nothing outside this data dir trusts it.
 */
export async function loadOrCreateCa(dataDir: string, now: Date): Promise<TestCa> {
  useNodeCrypto();
  const dir = join(dataDir, 'ca');
  const certPath = join(dir, 'ca.crt');
  const keyPath = join(dir, 'ca.key');
  if (existsSync(certPath) && existsSync(keyPath)) {
    ensureSecretFile(keyPath);
    const certPem = await readFile(certPath, 'utf8');
    return {
      certPem,
      certPath,
      cert: new x509.X509Certificate(certPem),
      key: await privateKeyFromPem(await readFile(keyPath, 'utf8')),
    };
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const keys = await newKeyPair();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: 'CN=klarmeld Korsbæk Test CA, O=klarmeld test platform, C=DK',
    keys: keys as unknown as CryptoKeyPair,
    notBefore: new Date(now.getTime() - 24 * 3600_000),
    notAfter: years(now, 20),
    signingAlgorithm: rsaAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as unknown as CryptoKey),
    ],
  });
  const certPem = pemFile(cert.toString('pem'));
  await writeSecretFile(keyPath, await privateKeyToPem(keys.privateKey));
  await writeFile(certPath, certPem);
  return { certPem, certPath, cert, key: keys.privateKey };
}

/** A positive 16-byte serial number as hex (RFC 5280 wants unique, positive, at most 20 bytes). */
export function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = bytes[0]! & 0x7f;
  return Buffer.from(bytes).toString('hex');
}
