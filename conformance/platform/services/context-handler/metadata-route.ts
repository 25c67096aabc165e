import type { BrowserRoute, PlatformServices } from '../../service-handler.ts';
import { roleCertificate } from '../../sts/sts-identity.ts';
import { SignedXml } from 'xml-crypto';
import type { IdpService } from './idp-services.ts';
import { SAML, samlId } from './saml-messages.ts';

export const metadataPath = '/klarmeld/context-handler/metadata';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const base64Of = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

/**
 * The embedded Context Handler's own signed metadata: KOMBIT's, as the catalogue holds it, with
 * the platform's addresses (HTTP-Redirect, the binding it serves) and its signing certificate in
 * place of KOMBIT's. A service provider reads the IdP's certificate and locations from here, as
 * from KOMBIT's metadata.xml on the external test environment.
 */
export function metadataRoute(login: IdpService | undefined, logout: IdpService | undefined): BrowserRoute {
  return {
    method: 'GET',
    path: metadataPath,
    browser: true,
    async handle(_request, platform) {
      return {
        status: 200,
        contentType: 'application/samlmetadata+xml; charset=utf-8',
        body: await idpMetadata(platform, login, logout),
      };
    },
  };
}

export async function idpMetadata(
  platform: Pick<PlatformServices, 'pki' | 'baseUrl'>,
  login: IdpService | undefined,
  logout: IdpService | undefined,
): Promise<string> {
  const any = (login ?? logout)!;
  const { certPem, keyPem } = await roleCertificate(platform.pki, 'context-handler');
  const redirect = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
  const slo = (logout?.redirectPaths ?? []).map(
    (p) => `<md:SingleLogoutService Binding="${redirect}" Location="${esc(platform.baseUrl + p)}"/>`,
  );
  const sso = (login?.redirectPaths ?? []).map(
    (p) => `<md:SingleSignOnService Binding="${redirect}" Location="${esc(platform.baseUrl + p)}"/>`,
  );
  const attributes = (login?.saml.attributes ?? []).map(
    (a) =>
      `<saml:Attribute Name="${esc(a.name)}"${a.nameFormat ? ` NameFormat="${esc(a.nameFormat)}"` : ''}${a.friendlyName ? ` FriendlyName="${esc(a.friendlyName)}"` : ''}>${a.values.map((v) => `<saml:AttributeValue>${esc(v)}</saml:AttributeValue>`).join('')}</saml:Attribute>`,
  );
  const formats = any.saml.nameIdFormats.map((f) => `<md:NameIDFormat>${esc(f)}</md:NameIDFormat>`);
  const xml = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:saml="${SAML}" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" ID="${samlId()}" entityID="${esc(any.saml.idpEntityId)}"><md:IDPSSODescriptor WantAuthnRequestsSigned="${String(any.saml.wantAuthnRequestsSigned)}" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${base64Of(certPem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>${slo.join('')}${formats.join('')}${sso.join('')}${attributes.join('')}</md:IDPSSODescriptor></md:EntityDescriptor>`;
  // SAML metadata puts ds:Signature first in EntityDescriptor (saml-metadata §2.3.2), not after the first child.
  const signed = new SignedXml({
    privateKey: keyPem,
    publicCert: certPem,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  signed.addReference({
    xpath: '/*',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  signed.computeSignature(xml, { prefix: 'ds', location: { reference: '/*', action: 'prepend' } });
  return signed.getSignedXml();
}
