import { createSign, randomUUID, X509Certificate } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { DOMParser, type Document as XmlDocument, type Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import type { Faults } from './faults.ts';

/**
 * The service-provider side of SAML 2.0 web login, as a supplier's web system does it against
 * KOMBIT's Context Handler (the way KOMBIT's samples configure OIOSAML: NameID format
 * X509SubjectName, requests signed with the system certificate, RSA-SHA256): AuthnRequest and
 * LogoutRequest over the HTTP-Redirect binding, the IdP's signed Response checked before anyone
 * is logged in.
 */

const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

/** The identity provider as its metadata describes it. */
export interface Idp {
  entityId: string;
  singleSignOn: string;
  singleLogout: string;
  certificate: X509Certificate;
}

/** A Redirect-binding URL for a request, signed with the system's key unless `sign` is false. */
export function redirectTo(location: string, xml: string, relayState: string, keyPem: string, sign: boolean): string {
  const parts = [
    `SAMLRequest=${encodeURIComponent(deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64'))}`,
    `RelayState=${encodeURIComponent(relayState)}`,
  ];
  if (sign) {
    parts.push(`SigAlg=${encodeURIComponent(RSA_SHA256)}`);
    parts.push(`Signature=${encodeURIComponent(createSign('sha256').update(parts.join('&')).sign(keyPem, 'base64'))}`);
  }
  return `${location}?${parts.join('&')}`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function authnRequest(input: { id: string; at: Date; idp: Idp; entityId: string; acs: string }): string {
  return `<samlp:AuthnRequest xmlns:samlp="${SAMLP}" xmlns:saml="${SAML}" ID="${input.id}" Version="2.0" IssueInstant="${input.at.toISOString()}" Destination="${esc(input.idp.singleSignOn)}" AssertionConsumerServiceURL="${esc(input.acs)}" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"><saml:Issuer>${esc(input.entityId)}</saml:Issuer><samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName" AllowCreate="false"/></samlp:AuthnRequest>`;
}

export function logoutRequest(input: {
  id: string;
  at: Date;
  idp: Idp;
  entityId: string;
  nameId: string;
  sessionIndex?: string;
}): string {
  const index =
    input.sessionIndex === undefined ? '' : `<samlp:SessionIndex>${esc(input.sessionIndex)}</samlp:SessionIndex>`;
  return `<samlp:LogoutRequest xmlns:samlp="${SAMLP}" xmlns:saml="${SAML}" ID="${input.id}" Version="2.0" IssueInstant="${input.at.toISOString()}" Destination="${esc(input.idp.singleLogout)}"><saml:Issuer>${esc(input.entityId)}</saml:Issuer><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName">${esc(input.nameId)}</saml:NameID>${index}</samlp:LogoutRequest>`;
}

export const newId = () => `_${randomUUID()}`;

/** The logged-in user, as the system keeps and shows it. */
export interface Login {
  user: string;
  cvr?: string;
  privileges: string[];
  sessionIndex?: string;
}

const all = (el: Element | XmlDocument, ns: string, local: string): Element[] =>
  Array.from(el.getElementsByTagNameNS(ns, local));

/**
 * Checks the IdP's Response and returns the login it grants, or throws with why it is refused:
 * status Success; exactly one assertion, signed by the IdP's certificate from its metadata (the
 * signature's reference must be that assertion, so a wrapped copy is not taken); Issuer the IdP;
 * Audience this system; now inside Conditions and before SubjectConfirmationData's NotOnOrAfter;
 * Recipient this ACS; InResponseTo a request this system sent. The faults switch single checks off.
 */
export function acceptResponse(
  xml: string,
  expect: { idp: Idp; entityId: string; acs: string; now: Date; sent: (id: string) => boolean },
  faults: Faults,
): Login {
  if (/<!DOCTYPE/i.test(xml)) throw new Error('the Response has a DOCTYPE');
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const status = all(doc, SAMLP, 'StatusCode')[0]?.getAttribute('Value');
  if (status !== 'urn:oasis:names:tc:SAML:2.0:status:Success')
    throw new Error(`the IdP refused the login (${status}): ${all(doc, SAMLP, 'StatusMessage')[0]?.textContent ?? ''}`);
  const assertions = all(doc, SAML, 'Assertion');
  if (assertions.length !== 1) throw new Error(`the Response holds ${assertions.length} assertions, not one`);
  const assertion = assertions[0]!;
  const signature = Array.from(assertion.childNodes).find(
    (n) => n.nodeType === 1 && (n as Element).localName === 'Signature',
  ) as Element | undefined;
  if (!signature) {
    if (!faults.has('saml-accept-unsigned')) throw new Error('the assertion is not signed');
  } else {
    // saml-any-signer: trusts the certificate the Response carries instead of the IdP's from its metadata.
    const verifier = faults.has('saml-any-signer')
      ? new SignedXml({ getCertFromKeyInfo: SignedXml.getCertFromKeyInfo })
      : new SignedXml({ publicCert: expect.idp.certificate.toString(), getCertFromKeyInfo: () => null });
    verifier.loadSignature(signature as unknown as Node);
    const reference = verifier.getReferences()[0]?.uri;
    if (reference !== `#${assertion.getAttribute('ID')}` || !verifier.checkSignature(xml))
      throw new Error("the assertion's signature does not hold with the IdP's certificate");
  }
  const text = (ns: string, local: string) => all(assertion, ns, local)[0]?.textContent?.trim();
  if (text(SAML, 'Issuer') !== expect.idp.entityId)
    throw new Error(`the assertion's Issuer is not ${expect.idp.entityId}`);
  if (!faults.has('saml-ignore-audience') && text(SAML, 'Audience') !== expect.entityId)
    throw new Error(`the assertion is for ${text(SAML, 'Audience')}, not for this system`);
  const conditions = all(assertion, SAML, 'Conditions')[0];
  const confirmation = all(assertion, SAML, 'SubjectConfirmationData')[0];
  const now = expect.now.getTime();
  const before = (v: string | null | undefined) => v !== null && v !== undefined && now < Date.parse(v);
  if (!faults.has('saml-ignore-expiry')) {
    if (!before(conditions?.getAttribute('NotOnOrAfter')) || !before(confirmation?.getAttribute('NotOnOrAfter')))
      throw new Error('the assertion has expired');
    const notBefore = conditions?.getAttribute('NotBefore');
    if (notBefore && Date.parse(notBefore) > now + 60_000) throw new Error('the assertion is not valid yet');
  }
  if (confirmation?.getAttribute('Recipient') !== expect.acs) throw new Error('the assertion is for another address');
  const inResponseTo = confirmation?.getAttribute('InResponseTo');
  if (!inResponseTo || !expect.sent(inResponseTo)) throw new Error('the assertion answers no request this system sent');
  const attribute = (suffix: string) =>
    all(assertion, SAML, 'Attribute')
      .find((a) => (a.getAttribute('Name') ?? '').endsWith(suffix))
      ?.getElementsByTagNameNS(SAML, 'AttributeValue')[0]?.textContent ?? undefined;
  const list = attribute('Privileges_intermediate');
  const privileges = list
    ? [
        ...Buffer.from(list, 'base64')
          .toString('utf8')
          .matchAll(/<Privilege>([^<]+)<\/Privilege>/g),
      ].map((m) => m[1]!)
    : [];
  const sessionIndex = all(assertion, SAML, 'AuthnStatement')[0]?.getAttribute('SessionIndex') ?? undefined;
  const cvr = attribute('CvrNumberIdentifier');
  return {
    user: text(SAML, 'NameID') ?? '',
    ...(cvr !== undefined && { cvr }),
    privileges,
    ...(sessionIndex !== undefined && { sessionIndex }),
  };
}

/** Reads the IdP's signed metadata (the embedded platform's, or KOMBIT's metadata.xml): entityID, certificate, Redirect locations. */
export function readIdpMetadata(xml: string): Idp {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const md = 'urn:oasis:names:tc:SAML:2.0:metadata';
  const redirect = (local: string) =>
    all(doc, md, local)
      .find((e) => e.getAttribute('Binding')?.endsWith(':HTTP-Redirect'))
      ?.getAttribute('Location') ?? '';
  const signing = all(doc, md, 'KeyDescriptor').find((k) => (k.getAttribute('use') ?? 'signing') === 'signing');
  const base64 = signing
    ? (all(signing, 'http://www.w3.org/2000/09/xmldsig#', 'X509Certificate')[0]?.textContent?.replace(/\s+/g, '') ?? '')
    : '';
  return {
    entityId: doc.documentElement?.getAttribute('entityID') ?? '',
    singleSignOn: redirect('SingleSignOnService'),
    singleLogout: redirect('SingleLogoutService'),
    certificate: new X509Certificate(Buffer.from(base64, 'base64')),
  };
}
