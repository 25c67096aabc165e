import type { Catalog, Service } from '../../../../catalog/index.ts';

type SamlService = NonNullable<Service['saml']>;

/** One IdP service of the catalogue (SF1511's single sign-on, SF1515's single logout). */
export interface IdpService {
  integration: string;
  service: string;
  saml: SamlService;
  /** The paths where the platform answers its HTTP-Redirect binding. */
  redirectPaths: string[];
}

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/**
 * The Context Handler as the catalogue describes it: every service with a SAML description
 * (written by import-contract from the IdP's metadata), from each integration's latest version.
 * The platform serves their HTTP-Redirect bindings; the others (HTTP-POST, SOAP) are listed in
 * the catalogue but not served, and `unserved` says so.
 */
export function idpServices(catalog: Catalog): { services: IdpService[]; unserved: string[] } {
  const services: IdpService[] = [];
  const unserved: string[] = [];
  for (const integration of catalog.integrations) {
    const version = integration.versions.at(-1);
    for (const s of version?.services ?? []) {
      if (s.saml === undefined) continue;
      const redirectPaths = [...new Set(s.saml.endpoints.filter((e) => e.binding === REDIRECT).map((e) => e.local))];
      for (const e of s.saml.endpoints.filter((e) => e.binding !== REDIRECT))
        unserved.push(
          `${integration.id} ${s.name}: ${e.binding.split(':').pop()} at ${e.local} (only HTTP-Redirect is served)`,
        );
      if (redirectPaths.length > 0)
        services.push({ integration: integration.id, service: s.name, saml: s.saml, redirectPaths });
    }
  }
  return { services, unserved };
}
