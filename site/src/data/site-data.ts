import type { Catalog } from '../../../catalog/index.ts';
import { loadCatalog } from '../../../catalog/index.ts';
import type { CatalogProblem } from '../../../catalog/index.ts';
import { indexCatalog, type CatalogIndex } from './catalog-index.ts';
import { contractLibrary, type ContractLibrary } from './contracts.ts';
import type { ExampleFixtures } from './example-values.ts';
import { readFixtures } from './fixtures.ts';
import type { Readiness } from './readiness.ts';
import { readReadiness } from './sheet.ts';
import { sitePathsFromEnv, type SitePaths } from './site-paths.ts';
import { readSuites, type SuiteInfo } from './suites.ts';

/** Everything the generated pages read, loaded once per build. */
export interface SiteData {
  paths: SitePaths;
  catalog: Catalog;
  problems: CatalogProblem[];
  index: CatalogIndex;
  readiness: Readiness;
  suites: Map<string, SuiteInfo>;
  contracts: ContractLibrary;
  /** Korsbæk's test data on the embedded platform, for the generated examples. */
  fixtures: ExampleFixtures;
}

export async function loadSiteData(paths: SitePaths): Promise<SiteData> {
  const { catalog, problems } = await loadCatalog(paths.catalogDir);
  const [readiness, suites, fixtures] = await Promise.all([
    readReadiness(catalog, paths),
    readSuites(paths.suitesDir, catalog),
    readFixtures(paths.root),
  ]);
  return {
    paths,
    catalog,
    problems,
    index: indexCatalog(catalog),
    readiness,
    suites,
    contracts: contractLibrary(paths.contractsDir),
    fixtures,
  };
}

let loaded: Promise<SiteData> | undefined;

/**
 * The site's data for this build, from the environment (KLARMELD_CATALOG_DIR, KLARMELD_SHEET,
 * else the default sheet .klarmeld/sheet.sqlite).
 * Astro evaluates every page in one process, so loading once here means the catalogue is read
 * and validated once per build, not once per page.
 */
export function siteData(): Promise<SiteData> {
  loaded ??= loadSiteData(sitePathsFromEnv());
  return loaded;
}
