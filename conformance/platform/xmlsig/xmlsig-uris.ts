/**
 * The namespaces and algorithm URIs of the XML signatures the platform makes and checks. The platform
 * keeps its own copy rather than importing the clients' (DESIGN.md §2: the platform does not share
 * signature code with the side of the wire it checks).
 */
export const dsigNs = {
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
} as const;

export const dsigUri = {
  excC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  envelopedSignature: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  strTransform: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#STR-Transform',
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  rsaSha512: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  sha512: 'http://www.w3.org/2001/04/xmlenc#sha512',
  x509SubjectKeyIdentifier:
    'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509SubjectKeyIdentifier',
  x509v3: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3',
} as const;

/** What the OIO profiles KOMBIT uses allow: RSA with SHA-256 (or SHA-512), never SHA-1. */
export const acceptedSignatureMethods: readonly string[] = [dsigUri.rsaSha256, dsigUri.rsaSha512];
export const acceptedDigestMethods: readonly string[] = [dsigUri.sha256, dsigUri.sha512];
