import { integrationIdPattern, integrationIdProblem } from '../../catalog/index.ts';
import { schemaReferenceFor } from '../../catalog/index.ts';
import { versionNumber } from '../../catalog/index.ts';
import type { ImportedService } from './catalog-import-contract.ts';
import { ImportError, unnumberedVersion } from './catalog-import-contract-error.ts';
import { importedEndpoints } from './catalog-import-contract-fill.ts';
import { renderPair } from './catalog-import-contract-yaml.ts';

/**
 * Fields a contract cannot tell, which `catalog check` reports as missing until they are written
 * (the schema requires them), and where each comes from.
 */
export const requiredByHand = [
  ['title', 'the Danish title exactly as KOMBIT writes it (Digitaliseringskataloget.dk)'],
  ['publicInformation', 'fuld, delvis or kun-titel: how much of the integration is publicly described'],
  ['sources', 'where the facts come from: the contract as owner/repo@commit:path, the description as a URL'],
  ['versions[0].lifecycle', 'Kommende, I drift, Udfases or Udfaset, as Digitaliseringskataloget gives it'],
] as const;

/** Fields every complete integration has that a contract cannot tell either; the schema does not require them. */
export const recommendedByHand = [
  'titleEn',
  'purpose',
  'purposeEn',
  'platform',
  'kind',
  'pattern',
  'direction',
  'ski0219',
  'prerequisites (SF1514 for a token-secured service)',
  'links',
];

/**
 * A new integration file from what the contract tells: the id, the version and its services
 * (protocol, security hint, operations and their messages, the ServiceUUID and entity ID of a
 * service.properties). What only a person can fill in is named in a comment at the top; the
 * required part of it is left out, so `catalog check` reports it, line by line, until it is there.
 */
export function createIntegrationText(
  integration: string,
  version: string,
  services: ImportedService[],
): { text: string; toFill: string[] } {
  if (!integrationIdPattern.test(integration)) {
    const { message, fix } = integrationIdProblem(integration);
    throw new ImportError('import.integration-id', `${message} ${fix}`);
  }
  if (version !== unnumberedVersion && !versionNumber.safeParse(version).success) {
    throw new ImportError(
      'import.version-unknown',
      `"${version}" is not a version number (numbers and dots, e.g. 3.1). Pass KOMBIT's number with --version, or "${unnumberedVersion}" when it is not published.`,
    );
  }
  const from = [...new Set(services.map((s) => s.from))].join(', ');
  const width = Math.max(...requiredByHand.map(([field]) => field.length)) + 1;
  const header = [
    `$schema: ${schemaReferenceFor('integration', true)}`,
    `id: ${integration}`,
    `# Written by "klarmeld catalog import-contract --create" from ${from}.`,
    '# Fill in by hand; "klarmeld catalog check" reports these as missing until they are written:',
    ...requiredByHand.map(([field, what]) => `#   ${`${field}:`.padEnd(width + 1)} ${what}`),
    `# Also expected of a complete integration: ${recommendedByHand.join(', ')}.`,
  ];
  const entry = {
    ...(version !== unnumberedVersion && { version }),
    services: services.map((s) => ({
      name: s.name,
      ...(s.version !== undefined && { version: s.version }),
      protocol: s.protocol,
      security: s.security,
      ...(s.serviceUuid !== undefined && { serviceUuid: s.serviceUuid }),
      ...(s.entityId !== undefined && { entityId: s.entityId }),
      operations: s.operations,
      ...(Object.keys(importedEndpoints(s)).length > 0 && { endpoints: importedEndpoints(s) }),
    })),
  };
  const text = `${header.join('\n')}\n${renderPair('versions', [entry], 0)}`;
  const toFill = [
    ...requiredByHand.map(([field]) => field),
    ...services.filter((s) => s.version === undefined).map((s) => `version of service ${s.name}`),
  ];
  return { text, toFill };
}
