import { certificateBase64, escapeXml, ns, subjectName, uri } from '../../wire/index.ts';
import { signEnveloped } from '../xmlsig/index.ts';

/** A data restriction (dataafgrænsning) on a privilege: a Constraint element of the privilege list. */
export interface PrivilegeConstraint {
  /** Constraint URI, e.g. `http://kombit.ssr.com/constraints/DRT1/1` in KOMBIT's example. */
  name: string;
  value: string;
}

/** A role the token grants (a Privilege element), with the data restrictions that scope it. */
export interface Privilege {
  /** Role URI, e.g. `http://kombit.ssr.com/roles/servicesystemrole/role1/1` in KOMBIT's example. */
  uri: string;
  constraints?: PrivilegeConstraint[];
}

export interface AssertionInput {
  /** Assertion ID: an NCName, e.g. `_` + UUID. */
  id: string;
  issuer: string;
  /** The caller's certificate (PEM): NameID is its subject, SubjectConfirmation holds it. */
  holderCertPem: string;
  entityId: string;
  cvr: string;
  /** Roles granted by the service agreement, listed in Privileges_intermediate. */
  privileges: Privilege[];
  issuedAt: Date;
  lifetimeMs: number;
  /** The STS signing certificate and key (PEM). */
  signer: { certPem: string; keyPem: string };
}

/**
 * The OIOSAML basic privilege profile list, base64, byte for byte as KOMBIT's STS writes it (the
 * tokens of tokenservice_oioidws-net): one PrivilegeGroup per privilege, scoped to the
 * municipality's CVR, holding the Privilege and then its Constraint elements.
 */
export function privilegeList(cvr: string, privileges: Privilege[]): string {
  const groups = privileges
    .map((p) => {
      const constraints = (p.constraints ?? [])
        .map((c) => `<Constraint Name="${escapeXml(c.name)}">${escapeXml(c.value)}</Constraint>`)
        .join('');
      return `<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:${escapeXml(cvr)}"><Privilege>${escapeXml(p.uri)}</Privilege>${constraints}</PrivilegeGroup>`;
    })
    .join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?><bpp:PrivilegeList xmlns:bpp="${ns.bpp}" xmlns:xsi="${ns.xsi}">${groups}</bpp:PrivilegeList>`;
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
  // Signed by the platform's own signer (xml-crypto), right after Issuer as SAML core fixes it.
  return signEnveloped(xml, input.signer);
}
