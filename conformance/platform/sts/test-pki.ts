import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/** A certificate with its private key, both PEM. */
export interface KeyPairPem {
  certPem: string;
  keyPem: string;
}

const algorithm = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

/**
 * A throw-away test PKI for unit tests (a CA, FOCES-like system certificates, an STS signing
 * certificate). The running platform uses the core's CA instead; this exists so the token code
 * can be tested without starting anything.
 */
export async function createTestPki(): Promise<{
  ca: KeyPairPem;
  issue: (subject: string) => Promise<KeyPairPem>;
}> {
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const caKeys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=klarmeld test CA, O=klarmeld, C=DK',
    keys: caKeys as CryptoKeyPair,
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2040-01-01T00:00:00Z'),
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
  });
  const ca = { certPem: caCert.toString('pem'), keyPem: await keyPem(caKeys.privateKey as unknown as CryptoKey) };
  const issue = async (subject: string): Promise<KeyPairPem> => {
    const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
    const cert = await x509.X509CertificateGenerator.create({
      subject,
      issuer: caCert.subject,
      publicKey: keys.publicKey as CryptoKey,
      signingKey: caKeys.privateKey as CryptoKey,
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2040-01-01T00:00:00Z'),
      // As FOCES and the platform CA issue them: KOMBIT's STS names its key by this identifier.
      extensions: [await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as CryptoKey)],
    });
    return { certPem: cert.toString('pem'), keyPem: await keyPem(keys.privateKey as unknown as CryptoKey) };
  };
  return { ca, issue };
}

async function keyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key as never));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}
