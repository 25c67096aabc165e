import type { Catalog } from './catalog.ts';
import { findSystem } from './query-find.ts';
import type { RequirementLevel, SkiSystem, UseCase } from './schema/index.ts';

/** One integration a system must (mandatory) or may (supplementary) connect to, and what demands it. */
export interface Requirement {
  integration: string;
  level: RequirementLevel;
  /** The integration package (I-krav) that brings it in. */
  package: string;
  /** The use case that requires the package. */
  useCase: string;
  /** Set when it is required only as a prerequisite of another integration (e.g. SF1514 for SF1500). */
  via?: string;
}

export interface ExceptedRequirement extends Requirement {
  reason: string;
}

export interface Requirements {
  system?: SkiSystem;
  required: Requirement[];
  /** Requirements the supplier has declared an exception for, with the reason; not in `required`. */
  excepted: ExceptedRequirement[];
}

/** The use cases a system covers: the ones it lists, or every use case of its areas when it lists none. */
export function useCasesOf(catalog: Catalog, system: SkiSystem): UseCase[] {
  const inAreas = catalog.areas.filter((a) => system.areas.includes(a.id)).flatMap((a) => a.useCases);
  return system.useCases.length > 0 ? inAreas.filter((u) => system.useCases.includes(u.id)) : inAreas;
}

/**
 * Collects integrations demanded by use cases: each package's business and prerequisite
 * integrations, plus (transitively) the prerequisites the integrations themselves declare.
 * Mandatory wins over supplementary; otherwise the first demand found is kept.
 */
export function collectRequirements(catalog: Catalog, useCases: readonly UseCase[]): Map<string, Requirement> {
  const packages = new Map(catalog.packages.map((p) => [p.id, p]));
  const integrations = new Map(catalog.integrations.map((i) => [i.id, i]));
  const found = new Map<string, Requirement>();
  // A direct demand (the package lists it) is kept over an indirect one (another integration
  // needs it), and mandatory over supplementary: so direct demands of each level go first.
  const addDirect = (requirement: Requirement) => {
    const existing = found.get(requirement.integration);
    if (!existing || (existing.level === 'supplementary' && requirement.level === 'mandatory')) found.set(requirement.integration, requirement);
  };
  const addPrerequisites = (requirement: Requirement) => {
    for (const prerequisite of integrations.get(requirement.integration)?.prerequisites ?? []) {
      const existing = found.get(prerequisite);
      if (existing && !(existing.level === 'supplementary' && requirement.level === 'mandatory')) continue;
      const indirect = { ...requirement, integration: prerequisite, via: requirement.integration };
      found.set(prerequisite, indirect);
      addPrerequisites(indirect);
    }
  };
  for (const level of ['mandatory', 'supplementary'] as const) {
    for (const useCase of useCases) {
      for (const entry of useCase.packages.filter((p) => p.level === level)) {
        const pkg = packages.get(entry.package);
        for (const id of [...(pkg?.business ?? []), ...(pkg?.prerequisites ?? [])]) {
          addDirect({ integration: id, level, package: entry.package, useCase: useCase.id });
        }
      }
    }
    for (const requirement of [...found.values()].filter((r) => r.level === level)) addPrerequisites(requirement);
  }
  return found;
}

const byLevelThenId = (a: Requirement, b: Requirement) =>
  (a.level === b.level ? 0 : a.level === 'mandatory' ? -1 : 1) || a.integration.localeCompare(b.integration, 'en', { numeric: true });

/** The full answer for a system: what it must connect to, and what it has declared an exception for. */
export function requirementsOf(catalog: Catalog, systemId: string): Requirements {
  const system = findSystem(catalog, systemId);
  if (!system) return { required: [], excepted: [] };
  const all = [...collectRequirements(catalog, useCasesOf(catalog, system)).values()].sort(byLevelThenId);
  const reasons = new Map(system.exceptions.map((e) => [e.integration, e.reason]));
  return {
    system,
    required: all.filter((r) => !reasons.has(r.integration)),
    excepted: all.filter((r) => reasons.has(r.integration)).map((r) => ({ ...r, reason: reasons.get(r.integration)! })),
  };
}

/**
 * The integrations a system (by id or user system UUID) must or may connect to, mandatory first,
 * each with the package and use case that demands it. Declared exceptions are left out (see
 * `requirementsOf` for them). Empty for an unknown system: check with `findSystem` first.
 */
export function requiredIntegrations(catalog: Catalog, systemId: string): Requirement[] {
  return requirementsOf(catalog, systemId).required;
}
