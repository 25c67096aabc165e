import type { z } from 'zod';
import {
  integration,
  integrationPackage,
  integrationPackagesFile,
  korsbaekCasesFile,
  korsbaekClassesFile,
  korsbaekOrganisationFile,
  korsbaekPersonsFile,
  korsbaekSamplesFile,
  unpublishedContract,
  unpublishedContractsFile,
  municipalitiesFile,
  municipality,
  onboardingStatus,
  onboardingStatusesFile,
  serviceArea,
  serviceAgreement,
  serviceAgreementsFile,
  serviceAreasFile,
  skiSystem,
  supplier,
  suppliersFile,
  systemsFile,
} from './schema/index.ts';

/**
 * Which schema applies to which data file is decided by its path alone, so a file in the
 * wrong place is reported rather than guessed at. `list` names the array that holds the
 * items of a collection file, and `item` its schema, so one bad item does not drop the rest.
 */
export interface FileKind {
  kind: string;
  schema: z.ZodType;
  list?: string;
  item?: z.ZodType;
}

export const fileKinds = {
  integration: { kind: 'integration', schema: integration },
  serviceAreas: { kind: 'service-areas', schema: serviceAreasFile, list: 'areas', item: serviceArea },
  integrationPackages: {
    kind: 'integration-packages',
    schema: integrationPackagesFile,
    list: 'packages',
    item: integrationPackage,
  },
  suppliers: { kind: 'suppliers', schema: suppliersFile, list: 'suppliers', item: supplier },
  systems: { kind: 'systems', schema: systemsFile, list: 'systems', item: skiSystem },
  municipalities: { kind: 'municipalities', schema: municipalitiesFile, list: 'municipalities', item: municipality },
  onboardingStatuses: {
    kind: 'onboarding-statuses',
    schema: onboardingStatusesFile,
    list: 'statuses',
    item: onboardingStatus,
  },
  serviceAgreements: {
    kind: 'service-agreements',
    schema: serviceAgreementsFile,
    list: 'agreements',
    item: serviceAgreement,
  },
  samples: { kind: 'samples', schema: korsbaekSamplesFile },
  korsbaekPersons: { kind: 'korsbaek-persons', schema: korsbaekPersonsFile },
  korsbaekOrganisation: { kind: 'korsbaek-organisation', schema: korsbaekOrganisationFile },
  korsbaekClasses: { kind: 'korsbaek-classes', schema: korsbaekClassesFile },
  korsbaekCases: { kind: 'korsbaek-cases', schema: korsbaekCasesFile },
  unpublishedContracts: {
    kind: 'unpublished-contracts',
    schema: unpublishedContractsFile,
    list: 'contracts',
    item: unpublishedContract,
  },
} satisfies Record<string, FileKind>;

export type FileKindName = keyof typeof fileKinds;

const topLevelFiles: Record<string, FileKindName> = {
  'service-areas.yaml': 'serviceAreas',
  'integration-packages.yaml': 'integrationPackages',
  'suppliers.yaml': 'suppliers',
  'systems.yaml': 'systems',
  'municipalities.yaml': 'municipalities',
  'onboarding-statuses.yaml': 'onboardingStatuses',
};

/** Files a catalogue may have: without them nothing is missing (no agreement list imported yet). */
const optionalFiles: Record<string, FileKindName> = {
  'service-agreements.yaml': 'serviceAgreements',
  'unpublished-contracts.yaml': 'unpublishedContracts',
};

/**
 * Korsbæk Kommune's test data (korsbaek/): what the platform serves, the suites compare with and
 * the site lists. Optional like the agreement list: a catalogue without it has no test data.
 */
export const korsbaekFiles: Record<string, FileKindName> = {
  'korsbaek/persons.yaml': 'korsbaekPersons',
  'korsbaek/organisation.yaml': 'korsbaekOrganisation',
  'korsbaek/classes.yaml': 'korsbaekClasses',
  'korsbaek/cases.yaml': 'korsbaekCases',
};

/** The file kind for a path relative to the data directory (forward slashes), or undefined. */
export function fileKindOf(relativePath: string): FileKindName | undefined {
  if (/^integrations\/[^/]+\.yaml$/.test(relativePath)) return 'integration';
  if (/^samples\/[^/]+\.yaml$/.test(relativePath)) return 'samples';
  return topLevelFiles[relativePath] ?? optionalFiles[relativePath] ?? korsbaekFiles[relativePath];
}

/** The files a complete catalogue has besides the integrations. */
export const expectedTopLevelFiles = Object.keys(topLevelFiles);
