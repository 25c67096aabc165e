import { ns, uri } from '../../clients/tokens/namespaces.ts';
import { certificateBase64, subjectName } from '../../clients/tokens/pem.ts';
import { escapeXml } from '../../clients/xml/escape-xml.ts';
import { parseXml, serializeXml, type XmlNode } from '../../clients/tokens/xml.ts';
import { signXml } from '../../clients/tokens/xmldsig.ts';

export interface AssertionInput {
  /** Assertion ID: an NCName, e.g. `_` + UUID. */
  id: string;
  issuer: string;
  /** The caller's certificate (PEM): NameID is its subject, SubjectConfirmation holds it. */
  holderCertPem: string;
  entityId: string;
  cvr: string;
  /** Role URIs granted by the service agreement, listed in Privileges_intermediate. */
  privileges: string[];
  issuedAt: Date;
  lifetimeMs: number;
  /** The STS signing certificate and key (PEM). */
  signer: { certPem: string; keyPem: string };
}

/** OIOSAML basic privilege profile list, base64, exactly as KOMBIT's STS writes it. */
export function privilegeList(cvr: string, privileges: string[]): string {
  const items = privileges.map((p) => `<Privilege>${escapeXml(p)}</Privilege>`).join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?><bpp:PrivilegeList xmlns:bpp="${ns.bpp}" xmlns:xsi="${ns.xsi}"><PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:${cvr}">${items}</PrivilegeGroup></bpp:PrivilegeList>`;
  return Buffer.from(xml, 'utf8').toString('base64');
}

/**
 * A signed SAML 2.0 holder-of-key assertion shaped like the STS token in KOMBIT's examples
 * (Response.xml of tokenservice_oioidws-net): Issuer, enveloped signature, NameID = certificate
 * subject, holder-of-key confirmation with the certificate, audience = entityID, and the
 * CVR, AssuranceLevel, SpecVer, KombitSpecVer and Privileges_intermediate attributes.
 */
export function buildAssertion(input: AssertionInput): string {
  const from = input.issuedAt.toISOString();
  const to = new Date(input.issuedAt.getTime() + input.lifetimeMs).toISOString();
  const attribute = (name: string, value: string) =>
    `<Attribute Name="dk:gov:saml:attribute:${name}" NameFormat="${uri.basicAttrName}"><AttributeValue>${escapeXml(value)}</AttributeValue></Attribute>`;
  const entity = escapeXml(input.entityId);
  const xml = `<Assertion ID="${input.id}" IssueInstant="${from}" Version="2.0" xmlns="${ns.saml}"><Issuer Format="${uri.entityFormat}">${escapeXml(input.issuer)}</Issuer><Subject><NameID Format="${uri.x509SubjectName}">${escapeXml(subjectName(input.holderCertPem))}</NameID><SubjectConfirmation Method="${uri.holderOfKey}"><SubjectConfirmationData a:type="KeyInfoConfirmationDataType" NotBefore="${from}" NotOnOrAfter="${to}" Recipient="${entity}" xmlns:a="${ns.xsi}"><KeyInfo xmlns="${ns.ds}"><X509Data><X509Certificate>${certificateBase64(input.holderCertPem)}</X509Certificate></X509Data></KeyInfo></SubjectConfirmationData></SubjectConfirmation></Subject><Conditions NotBefore="${from}" NotOnOrAfter="${to}"><AudienceRestriction><Audience>${entity}</Audience></AudienceRestriction></Conditions><AttributeStatement>${attribute('CvrNumberIdentifier', input.cvr)}${attribute('AssuranceLevel', '3')}${attribute('SpecVer', 'DK-SAML-2.0')}${attribute('KombitSpecVer', '1.0')}${attribute('Privileges_intermediate', privilegeList(input.cvr, input.privileges))}</AttributeStatement><AuthnStatement AuthnInstant="${from}"><AuthnContext><AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:X509</AuthnContextClassRef></AuthnContext></AuthnStatement></Assertion>`;
  const doc = parseXml(xml);
  const assertion = doc.documentElement!;
  // SAML core fixes the place of the signature: right after Issuer.
  signXml(assertion, {
    keyPem: input.signer.keyPem,
    ids: [input.id],
    enveloped: true,
    after: assertion.firstChild as XmlNode,
    keyInfoXml: `<ds:X509Data><ds:X509Certificate>${certificateBase64(input.signer.certPem)}</ds:X509Certificate></ds:X509Data>`,
  });
  return serializeXml(doc);
}
