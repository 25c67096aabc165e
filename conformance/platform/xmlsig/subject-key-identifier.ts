import 'reflect-metadata';
import { createHash, createPublicKey } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/**
 * The certificate's Subject Key Identifier, base64: what KOMBIT's STS writes in the RSTR
 * signature's KeyInfo (`SecurityTokenReference/KeyIdentifier` of ValueType `…#X509SubjectKeyIdentifier`,
 * Response.xml of tokenservice_oioidws-net). Taken from the certificate's SKI extension, as .NET
 * and WSS4J resolve it; a certificate without one gets the RFC 5280 §4.2.1.2 method (1) value,
 * SHA-1 of the subjectPublicKey (for RSA the PKCS#1 RSAPublicKey).
 */
export function subjectKeyIdentifier(certPem: string): string {
  const extension = new x509.X509Certificate(certPem).getExtension(x509.SubjectKeyIdentifierExtension);
  if (extension) return Buffer.from(extension.keyId, 'hex').toString('base64');
  const key = createPublicKey(certPem);
  if (key.asymmetricKeyType !== 'rsa')
    throw new TypeError(
      `The certificate has no Subject Key Identifier extension and a ${key.asymmetricKeyType} key; give it the extension`,
    );
  return createHash('sha1')
    .update(key.export({ type: 'pkcs1', format: 'der' }))
    .digest('base64');
}
