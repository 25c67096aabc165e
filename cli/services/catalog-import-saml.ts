import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  isSamlMetadata,
  readSamlMetadata,
  type SamlIdpMetadata,
  type SamlMetadataEndpoint,
} from '../../catalog/index.ts';
import type { Service } from '../../catalog/index.ts';
import { ImportError } from './catalog-import-contract-error.ts';
import { endpointPath, type ImportedService } from './catalog-import-contract.ts';

type SamlService = NonNullable<Service['saml']>;

/** A service read from an identity provider's metadata: an imported service with its SAML description. */
export interface ImportedSamlService extends ImportedService {
  saml: SamlService;
}

const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';

/** The two services an IdP's metadata describes, by the names the catalogue gives them. */
const ROLES = {
  SingleSignOn: {
    role: 'single-sign-on',
    alias: 'SingleSignOnService',
    request: 'AuthnRequest',
    response: 'Response',
  },
  SingleLogout: {
    role: 'single-logout',
    alias: 'SingleLogoutService',
    request: 'LogoutRequest',
    response: 'LogoutResponse',
  },
} as const;

/** Whether an `ImportedService` came from SAML metadata. */
export const isSamlImport = (s: ImportedService): s is ImportedSamlService =>
  (s as Partial<ImportedSamlService>).saml !== undefined;

/**
 * Reads a SAML 2.0 identity provider's metadata file into the catalogue's services: `SingleSignOn`
 * (AuthnRequest → Response) and `SingleLogout` (LogoutRequest → LogoutResponse), each with the
 * bindings the metadata lists, their locations mapped onto the same paths on the embedded
 * platform, the NameID formats, the attributes the IdP asserts and its signing requirements.
 * `only` keeps one of them (an integration may be the login or the logout alone).
 */
export function importSamlMetadata(file: string, only?: string): ImportedSamlService[] {
  const metadata = readSamlMetadata(file);
  const names = Object.keys(ROLES) as (keyof typeof ROLES)[];
  if (only !== undefined && !names.includes(only as keyof typeof ROLES))
    throw new ImportError(
      'import.service-unknown',
      `${file} is SAML metadata, whose services are ${names.join(' and ')}; --service ${only} names neither.`,
    );
  return names
    .filter((name) => only === undefined || name === only)
    .map((name) => toService(metadata, name))
    .filter((s): s is ImportedSamlService => s !== undefined);
}

function toService(metadata: SamlIdpMetadata, name: keyof typeof ROLES): ImportedSamlService | undefined {
  const role = ROLES[name];
  const listed = role.role === 'single-sign-on' ? metadata.singleSignOn : metadata.singleLogout;
  if (listed.length === 0) return undefined;
  const saml: SamlService = {
    role: role.role,
    idpEntityId: metadata.entityId,
    wantAuthnRequestsSigned: metadata.wantAuthnRequestsSigned,
    endpoints: listed.map(endpoint),
    nameIdFormats: metadata.nameIdFormats,
    attributes: metadata.attributes,
    signing: {
      ...(metadata.signingCertificate && {
        certificateSubject: metadata.signingCertificate.subject,
        certificateValidTo: new Date(metadata.signingCertificate.validTo).toISOString().slice(0, 10),
      }),
      ...(metadata.signature && { metadataSignatureAlgorithm: metadata.signature.algorithm }),
    },
  };
  return {
    name,
    // The metadata names no version of the service; its protocol is SAML 2.0 (protocolSupportEnumeration).
    version: '2.0',
    protocol: 'SAML 2.0',
    security: ['saml-signature'],
    operations: [
      {
        name: role.request,
        input: { element: role.request, namespace: SAMLP, fields: [] },
        output: { element: role.response, namespace: SAMLP, fields: [] },
      },
    ],
    from: basename(metadata.file),
    aliases: [role.alias],
    // The locations stay in `saml.endpoints`: one IdP answers login and logout at the same location,
    // and a catalogue endpoint belongs to one service only.
    endpointPaths: [],
    saml,
  };
}

function endpoint(e: SamlMetadataEndpoint): SamlService['endpoints'][number] {
  const local = endpointPath(e.location) ?? '/';
  const localResponse = e.responseLocation === undefined ? undefined : endpointPath(e.responseLocation);
  return {
    binding: e.binding,
    location: e.location,
    ...(e.responseLocation !== undefined && { responseLocation: e.responseLocation }),
    local,
    ...(localResponse !== undefined && localResponse !== local && { localResponse }),
  };
}

/** Whether a path is a file holding SAML metadata (read as such by import-contract, not as a WSDL). */
export function isSamlMetadataFile(path: string): boolean {
  try {
    return statSync(path).isFile() && /\.xml$/i.test(path) && isSamlMetadata(readFileSync(path, 'utf8'));
  } catch {
    return false;
  }
}
