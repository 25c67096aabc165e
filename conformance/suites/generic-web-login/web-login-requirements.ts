import type { Requirement, RequirementsFile } from '../../framework/index.ts';

/** The checks of the web-login suites, as requirement id suffixes. */
export type WebCheck =
  | 'SSO-PROVIDER'
  | 'SSO-REQUEST'
  | 'SSO-SIGNED'
  | 'SSO-ACCEPT'
  | 'SSO-UNSIGNED'
  | 'SSO-OTHERKEY'
  | 'SSO-EXPIRED'
  | 'SSO-AUDIENCE'
  | 'SLO-PROVIDER'
  | 'SLO-REQUEST'
  | 'SLO-SIGNED'
  | 'SLO-ENDED';

/** The stable id of one generated requirement: `SF1511-G-SSO-REQUEST`. */
export const webRequirementId = (integration: string, check: WebCheck) => `${integration}-G-${check}`;

/** A source in English and as the Danish site cites it (the same documents, Danish words around them). */
interface Cited {
  en: string;
  da: string;
}
const METADATA: Cited = {
  en: "The identity provider's SAML metadata (IDPSSODescriptor), as klarmeld catalog import-contract read it into the catalogue",
  da: 'Identitetsudbyderens SAML-metadata (IDPSSODescriptor), læst ind i kataloget med klarmeld catalog import-contract',
};
const CORE: Cited = {
  en: 'OASIS SAML 2.0 core, bindings and profiles (saml-core-2.0-os, saml-bindings-2.0-os, saml-profiles-2.0-os)',
  da: 'OASIS SAML 2.0 core, bindings og profiles (saml-core-2.0-os, saml-bindings-2.0-os, saml-profiles-2.0-os)',
};
/** Joins the parts of a citation in each language: `cite(METADATA, ' (x)')` or `cite(CORE, [': a', ': b'])`. */
const cite = (...parts: (Cited | string | [string, string])[]): Cited => ({
  en: parts.map((p) => (typeof p === 'string' ? p : Array.isArray(p) ? p[0] : p.en)).join(''),
  da: parts.map((p) => (typeof p === 'string' ? p : Array.isArray(p) ? p[1] : p.da)).join(''),
});

/**
 * The requirements of the web-login suite of one integration, made from its SAML service in the
 * catalogue: single sign-on (an AuthnRequest out, a Response in) or single logout.
 */
export function webLoginRequirements(
  integration: string,
  role: 'single-sign-on' | 'single-logout',
  idpEntityId: string,
): RequirementsFile {
  const r = (check: WebCheck, text: string, textDa: string, source: Cited): Requirement => ({
    id: webRequirementId(integration, check),
    level: 'SHALL',
    text,
    textDa,
    source: source.en,
    sourceDa: source.da,
  });
  const provider = (check: 'SSO-PROVIDER' | 'SLO-PROVIDER') =>
    r(
      check,
      `The it-system is a service provider of the Context Handler (${idpEntityId}): registered with its entityID, its AssertionConsumerService and logout addresses and its system certificate as signing key, with an approved ${integration} agreement.`,
      `Systemet er tjenesteudbyder hos context handleren (${idpEntityId}): registreret med sit entityID, sine AssertionConsumerService- og logout-adresser og sit systemcertifikat som signeringsnøgle, med en godkendt ${integration}-aftale.`,
      cite(METADATA, [
        "; the registration itself is klarmeld's stand-in for KOMBIT's Administrationsmodul, which the sources do not describe",
        '; selve registreringen er klarmelds stedfortræder for KOMBITs Administrationsmodul, som kilderne ikke beskriver',
      ]),
    );
  const list =
    role === 'single-sign-on'
      ? [
          provider('SSO-PROVIDER'),
          r(
            'SSO-REQUEST',
            "To log a user in, the it-system sends the browser to the IdP's SingleSignOnService (HTTP-Redirect) with an AuthnRequest whose Issuer is its entityID, with an ID, a current IssueInstant, Version 2.0, Destination the IdP's location, and AssertionConsumerServiceURL its registered address.",
            'For at logge en bruger ind sender systemet browseren til IdP’ens SingleSignOnService (HTTP-Redirect) med en AuthnRequest, hvis Issuer er systemets entityID, med ID, et aktuelt IssueInstant, Version 2.0, Destination lig IdP’ens adresse og AssertionConsumerServiceURL lig systemets registrerede adresse.',
            cite(METADATA, ' (SingleSignOnService); ', CORE, ': core §3.4.1, bindings §3.4.5.2'),
          ),
          r(
            'SSO-SIGNED',
            "The AuthnRequest is signed with the system certificate (the Redirect binding's SigAlg and Signature over the query string), since the IdP wants signed requests.",
            'AuthnRequest er signeret med systemcertifikatet (Redirect-bindingens SigAlg og Signature over adressens parametre), da IdP’en kræver signerede forespørgsler.',
            cite(METADATA, ' (WantAuthnRequestsSigned="true"); ', CORE, ': bindings §3.4.4.1'),
          ),
          r(
            'SSO-ACCEPT',
            "The it-system accepts the IdP's signed Response at its AssertionConsumerService and shows the logged-in user with the CVR and privileges the assertion gives.",
            'Systemet tager imod IdP’ens signerede Response på sin AssertionConsumerService og viser den indloggede bruger med det CVR og de privilegier, assertionen giver.',
            cite(
              METADATA,
              [
                ' (attributes CvrNumberIdentifier, Privileges_intermediate); ',
                ' (attributterne CvrNumberIdentifier, Privileges_intermediate); ',
              ],
              CORE,
              ': profiles §4.1.4.3',
            ),
          ),
          r(
            'SSO-UNSIGNED',
            'The it-system refuses a Response whose assertion is not signed: the user is not logged in.',
            'Systemet afviser et Response, hvis assertion ikke er signeret: brugeren bliver ikke logget ind.',
            cite(CORE, [
              ': profiles §4.1.3.5 (the assertion must be signed)',
              ': profiles §4.1.3.5 (assertionen skal være signeret)',
            ]),
          ),
          r(
            'SSO-OTHERKEY',
            "The it-system refuses a Response signed with a key other than the IdP's signing certificate from its metadata.",
            'Systemet afviser et Response, der er signeret med en anden nøgle end IdP’ens signeringscertifikat fra metadataen.',
            cite(METADATA, ' (KeyDescriptor use="signing")'),
          ),
          r(
            'SSO-EXPIRED',
            'The it-system refuses an expired assertion (Conditions and SubjectConfirmationData NotOnOrAfter in the past).',
            'Systemet afviser en udløbet assertion (Conditions og SubjectConfirmationData NotOnOrAfter overskredet).',
            cite(CORE, ': core §2.5.1.2, profiles §4.1.4.3'),
          ),
          r(
            'SSO-AUDIENCE',
            'The it-system refuses an assertion whose Audience is not its own entityID.',
            'Systemet afviser en assertion, hvis Audience ikke er systemets eget entityID.',
            cite(CORE, ': core §2.5.1.4, profiles §4.1.4.3'),
          ),
        ]
      : [
          provider('SLO-PROVIDER'),
          r(
            'SLO-REQUEST',
            "To log the user out, the it-system sends the browser to the IdP's SingleLogoutService (HTTP-Redirect) with a LogoutRequest whose Issuer is its entityID and that names the NameID and SessionIndex of the user's login, with an ID, a current IssueInstant and Destination the IdP's location.",
            'For at logge brugeren ud sender systemet browseren til IdP’ens SingleLogoutService (HTTP-Redirect) med en LogoutRequest, hvis Issuer er systemets entityID, og som angiver NameID og SessionIndex fra brugerens login, med ID, et aktuelt IssueInstant og Destination lig IdP’ens adresse.',
            cite(METADATA, ' (SingleLogoutService); ', CORE, ': core §3.7.1, profiles §4.4.4.1'),
          ),
          r(
            'SLO-SIGNED',
            'The LogoutRequest is signed with the system certificate (SigAlg and Signature of the Redirect binding).',
            'LogoutRequest er signeret med systemcertifikatet (Redirect-bindingens SigAlg og Signature).',
            cite(CORE, [
              ': profiles §4.4.4.1 (the request must be signed), bindings §3.4.4.1',
              ': profiles §4.4.4.1 (forespørgslen skal være signeret), bindings §3.4.4.1',
            ]),
          ),
          r(
            'SLO-ENDED',
            "After the IdP's LogoutResponse the user's session in the it-system has ended: it no longer shows the user as logged in.",
            'Efter IdP’ens LogoutResponse er brugerens session i systemet afsluttet: systemet viser ikke længere brugeren som logget ind.',
            cite(CORE, ': profiles §4.4'),
          ),
        ];
  return { integration, requirements: list };
}
