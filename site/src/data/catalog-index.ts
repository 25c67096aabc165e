import type { Catalog } from '../../../catalog/index.ts';
import { requirementsOf, type ExceptedRequirement, type Requirement } from '../../../catalog/index.ts';
import type {
  Integration,
  IntegrationPackage,
  Municipality,
  OnboardingStatus,
  RequirementLevel,
  ServiceArea,
  SkiSystem,
  Supplier,
  UseCase,
} from '../../../catalog/index.ts';

/** A use case together with the service area it belongs to. */
export interface PlacedUseCase {
  area: ServiceArea;
  useCase: UseCase;
}

/**
 * Look-ups the pages need, computed once per build from the catalogue and its query API so
 * that no page walks the whole catalogue.
 */
export interface CatalogIndex {
  integration: Map<string, Integration>;
  area: Map<string, ServiceArea>;
  useCase: Map<string, PlacedUseCase>;
  pkg: Map<string, IntegrationPackage>;
  supplier: Map<string, Supplier>;
  system: Map<string, SkiSystem>;
  municipality: Map<string, Municipality>;
  status: Map<string, OnboardingStatus>;
  /** Per system: its required integrations, mandatory first, then by id (the query API's answer). */
  requiredBy: Map<string, Requirement[]>;
  /** Per system: requirements it declared an exception for, with the reason. */
  exceptedBy: Map<string, ExceptedRequirement[]>;
  /** Per integration: the systems that require it, with level. */
  systemsRequiring: Map<string, { system: SkiSystem; level: RequirementLevel }[]>;
  /** Per integration: the packages that contain it, as business or prerequisite integration. */
  packagesContaining: Map<string, { pkg: IntegrationPackage; role: 'business' | 'prerequisite' }[]>;
  /** Per package: the use cases that require it. */
  useCasesRequiring: Map<string, (PlacedUseCase & { level: RequirementLevel })[]>;
  /** Per supplier CVR: its systems. */
  systemsOf: Map<string, SkiSystem[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexCatalog(catalog: Catalog): CatalogIndex {
  const index: CatalogIndex = {
    integration: new Map(catalog.integrations.map((i) => [i.id, i])),
    area: new Map(catalog.areas.map((a) => [a.id, a])),
    useCase: new Map(catalog.areas.flatMap((area) => area.useCases.map((useCase) => [useCase.id, { area, useCase }]))),
    pkg: new Map(catalog.packages.map((p) => [p.id, p])),
    supplier: new Map(catalog.suppliers.map((s) => [s.cvr, s])),
    system: new Map(catalog.systems.map((s) => [s.id, s])),
    municipality: new Map(catalog.municipalities.map((m) => [m.cvr, m])),
    status: new Map(catalog.statuses.map((s) => [s.code, s])),
    requiredBy: new Map(),
    systemsRequiring: new Map(),
    packagesContaining: new Map(),
    useCasesRequiring: new Map(),
    exceptedBy: new Map(),
    systemsOf: new Map(),
  };
  for (const system of catalog.systems) {
    push(index.systemsOf, system.supplier, system);
    const { required, excepted } = requirementsOf(catalog, system.id);
    index.requiredBy.set(system.id, required);
    index.exceptedBy.set(system.id, excepted);
    for (const need of required) push(index.systemsRequiring, need.integration, { system, level: need.level });
  }
  for (const pkg of catalog.packages) {
    for (const id of pkg.business) push(index.packagesContaining, id, { pkg, role: 'business' as const });
    for (const id of pkg.prerequisites) push(index.packagesContaining, id, { pkg, role: 'prerequisite' as const });
  }
  for (const area of catalog.areas) {
    for (const useCase of area.useCases) {
      for (const need of useCase.packages)
        push(index.useCasesRequiring, need.package, { area, useCase, level: need.level });
    }
  }
  return index;
}
