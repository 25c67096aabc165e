import { SignedXml } from 'xml-crypto';
import { dsigUri } from './xmlsig-uris.ts';

export interface EnvelopedSigner {
  keyPem: string;
  /** Certificate written into KeyInfo/X509Data/X509Certificate. */
  certPem: string;
}

/**
 * Signs the root element of a document with an enveloped signature (RSA-SHA256, exclusive c14n,
 * SHA-256), the signature placed right after the root's first child: a SAML assertion's Issuer, as
 * SAML core §5.4.1 fixes it. KeyInfo holds the signing certificate (X509Data), as in KOMBIT's
 * issued tokens. The reference names the root by its ID / Id attribute, which must exist.
 * Done by xml-crypto, not by the clients' signer, so the platform shares no signing code with them.
 */
export function signEnveloped(xml: string, signer: EnvelopedSigner): string {
  const signed = new SignedXml({
    privateKey: signer.keyPem,
    publicCert: signer.certPem,
    signatureAlgorithm: dsigUri.rsaSha256,
    canonicalizationAlgorithm: dsigUri.excC14n,
  });
  signed.addReference({
    xpath: '/*',
    transforms: [dsigUri.envelopedSignature, dsigUri.excC14n],
    digestAlgorithm: dsigUri.sha256,
  });
  signed.computeSignature(xml, { location: { reference: '/*/*[1]', action: 'after' } });
  return signed.getSignedXml();
}
