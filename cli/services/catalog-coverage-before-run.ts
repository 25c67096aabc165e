import type { Catalog } from '../../catalog/index.ts';
import { suitesByIntegration, genericSuitesFor } from '../../conformance/suites/index.ts';
import { loadProfile, systemUnderTest } from '../../conformance/profile/index.ts';
import { catalogCoverage, type CoverageRow } from './catalog-coverage.ts';

/** Why an integration has no suite, in the words `klarmeld catalog coverage` uses for its contract. */
const reasons: Record<CoverageRow['contract'], string> = {
  'kontrakt ikke offentliggjort': 'kontrakt ikke offentliggjort',
  'ikke importeret': 'not imported',
  imported: 'contract imported, no suite yet',
};

/**
 * The required integrations of the profile's system that no suite tests, each with why, read from the
 * same coverage `klarmeld catalog coverage` prints. Only the suite registries are read: which platform
 * module simulates what does not decide whether a suite exists, and loading every module would delay the run.
 */
export async function requiredWithoutSuite(
  profileFile: string,
  catalog: Catalog,
): Promise<{ system: string | undefined; missing: { integration: string; why: string }[] }> {
  const loaded = await loadProfile(profileFile);
  const system = systemUnderTest(catalog, loaded.profile, loaded.file);
  const suitesOnly = {
    handWrittenSimulations: new Set<string>(),
    handWrittenPaths: new Set<string>(),
    handWrittenSuites: new Set(Object.keys(suitesByIntegration)),
    genericSuites: new Set(Object.keys(genericSuitesFor(catalog))),
  };
  const rows = new Map(catalogCoverage(catalog, suitesOnly).integrations.map((r) => [r.integration, r]));
  const missing = system.integrations
    .map((id) => rows.get(id) ?? { integration: id, contract: 'ikke importeret' as const, suite: 'none' as const })
    .filter((r) => r.suite === 'none')
    .map((r) => ({ integration: r.integration, why: reasons[r.contract] }));
  // catalog coverage --system knows only catalogue systems; a supplier's own system is read in the full list.
  return { system: system.listed ? system.id : undefined, missing };
}

/** The one line `klarmeld test` prints before the run, or nothing when every required integration has a suite. */
export async function beforeRunLine(profileFile: string, catalog: Catalog): Promise<string | undefined> {
  // A profile that does not load is the run's to report, with its codes and fields: this line then says nothing.
  const found = await requiredWithoutSuite(profileFile, catalog).catch(() => undefined);
  if (!found || found.missing.length === 0) return undefined;
  const named = found.missing.map((m) => `${m.integration} (${m.why})`).join(', ');
  return `Required, but no suite tests it in this run: ${named}. Details: klarmeld catalog coverage${found.system ? ` --system ${found.system}` : ''}`;
}
