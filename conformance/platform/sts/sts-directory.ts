import type { Privilege } from './build-assertion.ts';

/**
 * What the STS needs to know about the platform, as plain questions. The platform core's
 * registry and the catalogue answer them (see registry-sts-directory.ts); tests answer them
 * with a literal object.
 */
export interface StsDirectory {
  /** The catalogue service whose entityID this is, or undefined when no service has it. */
  serviceForEntityId(entityId: string): { integration: string; service: string } | undefined;
  /** The registered, unrevoked it-system holding this certificate, or undefined. */
  systemForCertificate(certPem: string): { systemUuid: string; name: string } | undefined;
  /**
   * The approved service agreement of that system for that service and municipality, with the
   * roles it grants (and their data restrictions), or the reason there is none (pending, none at all).
   */
  agreementFor(
    systemUuid: string,
    service: { integration: string; service: string },
    cvr: string,
  ): { ok: true; agreementUuid: string; privileges: Privilege[] } | { ok: false; reason: string };
}

/** The platform STS's identity: its SAML issuer name and its signing certificate and key. */
export interface StsIdentity {
  issuer: string;
  certPem: string;
  keyPem: string;
}

/** The issuer the external test environment's STS writes (n2 host family, as OS2sync trusts it). */
export const defaultIssuer = 'https://saml.n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime';

/** Tokens live 8 hours, as KOMBIT's STS issues them. */
export const tokenLifetimeMs = 8 * 60 * 60_000;
