import { X509Certificate } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { SignedXml } from 'xml-crypto';
import { ContractError } from './contract-error.ts';
import { parseXml } from './xml-file.ts';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

/** One endpoint of the metadata: binding, location, and response location when it has one. */
export interface SamlMetadataEndpoint {
  binding: string;
  location: string;
  responseLocation?: string;
}

/** A SAML 2.0 identity provider's metadata, as SAML metadata 2.0 (OASIS saml-metadata-2.0-os) declares it. */
export interface SamlIdpMetadata {
  file: string;
  entityId: string;
  wantAuthnRequestsSigned: boolean;
  singleSignOn: SamlMetadataEndpoint[];
  singleLogout: SamlMetadataEndpoint[];
  nameIdFormats: string[];
  attributes: { name: string; nameFormat?: string; friendlyName?: string; values: string[] }[];
  /** The first `use="signing"` (or unqualified) certificate of the IDPSSODescriptor. */
  signingCertificate?: { base64: string; subject: string; validTo: string };
  /** The metadata's own enveloped signature: its algorithm, and whether it verifies with the signing certificate. */
  signature?: { algorithm: string; valid: boolean };
}

const children = (parent: Element, ns: string, local: string): Element[] =>
  Array.from(parent.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local,
  );

/** Is this XML text a SAML metadata EntityDescriptor (so import-contract reads it as such, not as a WSDL)? */
export function isSamlMetadata(text: string): boolean {
  return (
    /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<([\w.-]+:)?EntityDescriptor[\s>]/.test(text.replace(/^\uFEFF/, '')) &&
    text.includes(MD)
  );
}

/**
 * Reads an identity provider's SAML 2.0 metadata file (an `EntityDescriptor` with an
 * `IDPSSODescriptor`): its entityID, single sign-on and single logout endpoints with their
 * bindings, NameID formats, the attributes it asserts, WantAuthnRequestsSigned, its signing
 * certificate, and whether the metadata's own signature holds. A file that is no IdP metadata is
 * a ContractError naming it.
 */
export function readSamlMetadata(file: string): SamlIdpMetadata {
  if (!existsSync(file))
    throw new ContractError('contract.file-missing', file, `The metadata file ${file} does not exist. Check the path.`);
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const root = parseXml(text, file);
  const idp =
    root.namespaceURI === MD && root.localName === 'EntityDescriptor'
      ? children(root, MD, 'IDPSSODescriptor')[0]
      : undefined;
  const entityId = root.getAttribute('entityID');
  if (idp === undefined || !entityId) {
    throw new ContractError(
      'contract.not-a-contract',
      file,
      `${file} is no SAML 2.0 identity provider metadata: it needs an md:EntityDescriptor with an entityID and an md:IDPSSODescriptor. Give the identity provider's metadata file (KOMBIT publishes the Context Handler's as metadata.xml).`,
    );
  }
  const endpoints = (local: string) =>
    children(idp, MD, local).map((e) => ({
      binding: e.getAttribute('Binding') ?? '',
      location: e.getAttribute('Location') ?? '',
      ...(e.getAttribute('ResponseLocation') ? { responseLocation: e.getAttribute('ResponseLocation')! } : {}),
    }));
  const attributes = children(idp, SAML, 'Attribute').map((a) => ({
    name: a.getAttribute('Name') ?? '',
    ...(a.getAttribute('NameFormat') ? { nameFormat: a.getAttribute('NameFormat')! } : {}),
    ...(a.getAttribute('FriendlyName') ? { friendlyName: a.getAttribute('FriendlyName')! } : {}),
    values: children(a, SAML, 'AttributeValue').map((v) => (v.textContent ?? '').trim()),
  }));
  const signingKey = children(idp, MD, 'KeyDescriptor').find((k) => (k.getAttribute('use') ?? 'signing') === 'signing');
  const base64 = signingKey?.getElementsByTagNameNS(DSIG, 'X509Certificate')[0]?.textContent?.replace(/\s+/g, '');
  const certificate = base64 ? new X509Certificate(Buffer.from(base64, 'base64')) : undefined;
  return {
    file,
    entityId,
    wantAuthnRequestsSigned: idp.getAttribute('WantAuthnRequestsSigned') === 'true',
    singleSignOn: endpoints('SingleSignOnService'),
    singleLogout: endpoints('SingleLogoutService'),
    nameIdFormats: children(idp, MD, 'NameIDFormat').map((n) => (n.textContent ?? '').trim()),
    attributes,
    ...(certificate && base64
      ? {
          signingCertificate: {
            base64,
            subject: certificate.subject.replace(/\n/g, ', '),
            validTo: certificate.validTo,
          },
        }
      : {}),
    ...metadataSignature(root, text, base64),
  };
}

/** The metadata's enveloped signature, checked with the IdP's own signing certificate (consistency, not trust). */
function metadataSignature(
  root: Element,
  text: string,
  base64: string | undefined,
): Pick<SamlIdpMetadata, 'signature'> {
  const signature = children(root, DSIG, 'Signature')[0];
  if (signature === undefined) return {};
  const algorithm = signature.getElementsByTagNameNS(DSIG, 'SignatureMethod')[0]?.getAttribute('Algorithm') ?? '';
  if (base64 === undefined) return { signature: { algorithm, valid: false } };
  const pem = `-----BEGIN CERTIFICATE-----\n${base64.replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
  let valid = false;
  try {
    const sig = new SignedXml({ publicCert: pem, getCertFromKeyInfo: () => null });
    sig.loadSignature(signature);
    valid = sig.checkSignature(text);
  } catch {
    valid = false;
  }
  return { signature: { algorithm, valid } };
}
