import type {
  Integration,
  KorsbaekSamples,
  IntegrationPackage,
  Municipality,
  OnboardingStatus,
  ServiceArea,
  SkiSystem,
  ServiceAgreement,
  Supplier,
  UnpublishedContract,
} from './schema/index.ts';
import type { CatalogProblem } from './problems/index.ts';
import type { KorsbaekTestData } from './korsbaek.ts';

/** The whole catalogue, as loaded and validated from `catalog/data/`. Items that failed validation are left out. */
export interface Catalog {
  integrations: Integration[];
  areas: ServiceArea[];
  packages: IntegrationPackage[];
  suppliers: Supplier[];
  systems: SkiSystem[];
  municipalities: Municipality[];
  statuses: OnboardingStatus[];
  /** Service agreements from an imported agreement list (service-agreements.yaml); empty when none was imported. */
  agreements: ServiceAgreement[];
  /** Korsbæk's test data for contract-built answers (samples/<integration>.yaml), one entry per file. */
  samples: KorsbaekSamples[];
  /** Integrations whose contract KOMBIT has not published (unpublished-contracts.yaml). */
  unpublishedContracts: UnpublishedContract[];
  /** Korsbæk Kommune's test data (korsbaek/*.yaml): each part absent when its file is. */
  korsbaek: KorsbaekTestData;
}

export interface LoadResult {
  catalog: Catalog;
  /** Every problem found, errors and warnings, sorted by file and position. Empty when the catalogue is valid. */
  problems: CatalogProblem[];
}

export function emptyCatalog(): Catalog {
  return {
    integrations: [],
    areas: [],
    packages: [],
    suppliers: [],
    systems: [],
    municipalities: [],
    statuses: [],
    agreements: [],
    samples: [],
    unpublishedContracts: [],
    korsbaek: {},
  };
}
