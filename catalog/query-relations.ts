import type { Catalog } from './catalog.ts';
import { collectRequirements } from './query-required.ts';
import type { Integration, IntegrationPackage } from './schema/index.ts';

const byId = (a: Integration, b: Integration) => a.id.localeCompare(b.id, 'en', { numeric: true });

/** The integrations a service area's use cases require or offer (with their prerequisites), sorted by id. */
export function integrationsByArea(catalog: Catalog, areaId: string): Integration[] {
  const useCases = catalog.areas.filter((a) => a.id === areaId).flatMap((a) => a.useCases);
  const ids = collectRequirements(catalog, useCases);
  return catalog.integrations.filter((i) => ids.has(i.id)).sort(byId);
}

export interface Dependents {
  /** Integrations that list it as a prerequisite. */
  integrations: Integration[];
  /** Packages that list it, as a business or a prerequisite integration. */
  packages: IntegrationPackage[];
}

/** What depends on an integration: who would break if it changed. */
export function dependentsOf(catalog: Catalog, integrationId: string): Dependents {
  return {
    integrations: catalog.integrations.filter((i) => i.prerequisites.includes(integrationId)).sort(byId),
    packages: catalog.packages.filter(
      (p) => p.business.includes(integrationId) || p.prerequisites.includes(integrationId),
    ),
  };
}
