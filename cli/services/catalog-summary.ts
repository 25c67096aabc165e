import type { Catalog } from '../../catalog/index.ts';
import { currentVersion } from '../../catalog/index.ts';

/** Counts that tell a reader at a glance what the catalogue holds. */
export interface CatalogSummary {
  integrations: number;
  byPlatform: Record<string, number>;
  /** By the lifecycle of each integration's current version; "ingen version" when none is recorded. */
  byLifecycle: Record<string, number>;
  areas: number;
  useCases: number;
  packages: number;
  suppliers: number;
  systems: number;
  municipalities: number;
  testMunicipalities: number;
  statuses: number;
}

function count(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

export function summarizeCatalog(catalog: Catalog): CatalogSummary {
  return {
    integrations: catalog.integrations.length,
    byPlatform: count(catalog.integrations.map((i) => i.platform ?? 'ukendt')),
    byLifecycle: count(
      catalog.integrations.map(
        (i) => currentVersion(i)?.lifecycle ?? (i.versions.length ? 'Udfaset' : 'ingen version'),
      ),
    ),
    areas: catalog.areas.length,
    useCases: catalog.areas.reduce((n, a) => n + a.useCases.length, 0),
    packages: catalog.packages.length,
    suppliers: catalog.suppliers.length,
    systems: catalog.systems.length,
    municipalities: catalog.municipalities.filter((m) => !m.test).length,
    testMunicipalities: catalog.municipalities.filter((m) => m.test).length,
    statuses: catalog.statuses.length,
  };
}
