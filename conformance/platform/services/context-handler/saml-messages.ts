import { randomUUID } from 'node:crypto';
import { signEnveloped, type EnvelopedSigner } from '../../xmlsig/index.ts';

export const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';
export const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
export const status = {
  success: 'urn:oasis:names:tc:SAML:2.0:status:Success',
  requester: 'urn:oasis:names:tc:SAML:2.0:status:Requester',
  requestDenied: 'urn:oasis:names:tc:SAML:2.0:status:RequestDenied',
  unknownPrincipal: 'urn:oasis:names:tc:SAML:2.0:status:UnknownPrincipal',
} as const;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A new SAML ID: an NCName (xs:ID), so it starts with a letter or underscore. */
export const samlId = () => `_${randomUUID()}`;

/** One attribute statement entry: name, format and its values. */
export interface AssertedAttribute {
  name: string;
  nameFormat?: string;
  values: string[];
}

export interface ResponseInput {
  issuer: string;
  destination: string;
  inResponseTo: string;
  audience: string;
  nameId: string;
  nameIdFormat: string;
  sessionIndex: string;
  attributes: AssertedAttribute[];
  /** When the assertion was issued; it is valid for five minutes after. */
  issuedAt: Date;
  /** Signs the assertion and the response; undefined sends both unsigned. */
  signer: EnvelopedSigner | undefined;
}

/**
 * A successful SAML 2.0 Response for the HTTP-POST binding (saml-core-2.0-os §3.3.3, Web Browser SSO
 * profile §4.1.4.2): a bearer assertion for the user, its audience the service provider, its
 * SubjectConfirmationData naming the request and the AssertionConsumerService, with the attributes
 * the IdP's metadata lists. The assertion and the response are each signed (enveloped, RSA-SHA256).
 */
export function loginResponse(input: ResponseInput): string {
  const at = input.issuedAt.toISOString();
  const until = new Date(input.issuedAt.getTime() + 5 * 60_000).toISOString();
  const attrs = input.attributes
    .map(
      (a) =>
        `<saml:Attribute Name="${esc(a.name)}"${a.nameFormat ? ` NameFormat="${esc(a.nameFormat)}"` : ''}>${a.values
          .map((v) => `<saml:AttributeValue>${esc(v)}</saml:AttributeValue>`)
          .join('')}</saml:Attribute>`,
    )
    .join('');
  let assertion = `<saml:Assertion xmlns:saml="${SAML}" ID="${samlId()}" Version="2.0" IssueInstant="${at}"><saml:Issuer>${esc(input.issuer)}</saml:Issuer><saml:Subject><saml:NameID Format="${esc(input.nameIdFormat)}">${esc(input.nameId)}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${esc(input.inResponseTo)}" NotOnOrAfter="${until}" Recipient="${esc(input.destination)}"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${at}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${esc(input.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="${at}" SessionIndex="${esc(input.sessionIndex)}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:X509</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement>${attrs}</saml:AttributeStatement></saml:Assertion>`;
  if (input.signer) assertion = signEnveloped(assertion, input.signer);
  const response = `<samlp:Response xmlns:samlp="${SAMLP}" xmlns:saml="${SAML}" ID="${samlId()}" Version="2.0" IssueInstant="${at}" Destination="${esc(input.destination)}" InResponseTo="${esc(input.inResponseTo)}"><saml:Issuer>${esc(input.issuer)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="${status.success}"/></samlp:Status>${assertion.replace(/^<\?xml[^>]*>/, '')}</samlp:Response>`;
  return input.signer ? signEnveloped(response, input.signer) : response;
}

/** A refusal: a signed Response (or LogoutResponse) with a top-level and a second-level status code and a message. */
export function statusResponse(input: {
  element: 'Response' | 'LogoutResponse';
  issuer: string;
  destination: string;
  inResponseTo?: string;
  code: string;
  subCode?: string;
  message: string;
  issuedAt: Date;
  signer?: EnvelopedSigner;
}): string {
  const sub = input.subCode ? `<samlp:StatusCode Value="${input.subCode}"/>` : '';
  const statusCode =
    input.code === status.success
      ? `<samlp:StatusCode Value="${status.success}"/>`
      : `<samlp:StatusCode Value="${input.code}">${sub}</samlp:StatusCode><samlp:StatusMessage>${esc(input.message)}</samlp:StatusMessage>`;
  const xml = `<samlp:${input.element} xmlns:samlp="${SAMLP}" xmlns:saml="${SAML}" ID="${samlId()}" Version="2.0" IssueInstant="${input.issuedAt.toISOString()}" Destination="${esc(input.destination)}"${input.inResponseTo ? ` InResponseTo="${esc(input.inResponseTo)}"` : ''}><saml:Issuer>${esc(input.issuer)}</saml:Issuer><samlp:Status>${statusCode}</samlp:Status></samlp:${input.element}>`;
  return input.signer ? signEnveloped(xml, input.signer) : xml;
}

/** The HTTP-POST binding's page (saml-bindings-2.0-os §3.5.4): a form the browser submits to the service provider. */
export function postForm(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${esc(name)}" value="${esc(value)}"/>`)
    .join('');
  return `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Context Handler</title></head><body onload="document.forms[0].submit()"><form method="post" action="${esc(action)}">${inputs}<noscript><button type="submit">Fortsæt</button></noscript></form></body></html>`;
}
