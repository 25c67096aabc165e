import type { Catalog } from './catalog.ts';
import { findSystem } from './query-find.ts';
import type { RequirementLevel, SkiSystem, UseCase } from './schema/index.ts';

/** One integration a system must (mandatory) or may (supplementary) connect to, and what demands it. */
export interface Requirement {
  integration: string;
  level: RequirementLevel;
  /**
   * The integration package (I-krav) that brings it in; absent when the source requires the
   * integration without naming a package (`packageNotGiven` then says so).
   */
  package?: string;
  /** Set when the use case requires the integration outside any package: the sources name none. */
  packageNotGiven?: true;
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
    if (!existing || (existing.level === 'supplementary' && requirement.level === 'mandatory'))
      found.set(requirement.integration, requirement);
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
    // A package's business integrations first, so that SF1500 belongs to I-06 (Organisation
    // service), which holds it, rather than to I-04, which lists it as a prerequisite.
    for (const field of ['business', 'prerequisites'] as const) {
      for (const useCase of useCases) {
        for (const entry of useCase.packages.filter((p) => p.level === level)) {
          for (const id of packages.get(entry.package)?.[field] ?? []) {
            addDirect({ integration: id, level, package: entry.package, useCase: useCase.id });
          }
        }
        if (field === 'business') {
          for (const entry of useCase.integrations.filter((i) => i.level === level)) {
            addDirect({ integration: entry.integration, level, packageNotGiven: true, useCase: useCase.id });
          }
        }
      }
    }
    for (const requirement of [...found.values()].filter((r) => r.level === level)) addPrerequisites(requirement);
  }
  return found;
}

/** One integration package a system's use cases require, at the strongest level any of them asks. */
export interface RequiredPackage {
  id: string;
  title: string;
  level: RequirementLevel;
  /** True when the package is the project's own example, not KOMBIT's. */
  fictional: boolean;
  /** The use cases that require it. */
  useCases: string[];
}

/**
 * The packages (I-krav) a system's use cases require, as KOMBIT's connection report lists
 * them: mandatory first, then supplementary, each in package order; a package required
 * mandatory by one use case and supplementary by another is mandatory.
 */
export function packagesOf(catalog: Catalog, system: SkiSystem): RequiredPackage[] {
  const found = new Map<string, RequiredPackage>();
  for (const useCase of useCasesOf(catalog, system)) {
    for (const entry of useCase.packages) {
      const existing = found.get(entry.package);
      if (existing) {
        if (entry.level === 'mandatory') existing.level = 'mandatory';
        if (!existing.useCases.includes(useCase.id)) existing.useCases.push(useCase.id);
        continue;
      }
      const pkg = catalog.packages.find((p) => p.id === entry.package);
      found.set(entry.package, {
        id: entry.package,
        title: pkg?.title ?? entry.package,
        level: entry.level,
        fictional: pkg?.fictional ?? false,
        useCases: [useCase.id],
      });
    }
  }
  const order = new Map(catalog.packages.map((p, i) => [p.id, i]));
  return [...found.values()].sort(
    (a, b) =>
      (a.level === b.level ? 0 : a.level === 'mandatory' ? -1 : 1) ||
      (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9) ||
      a.id.localeCompare(b.id),
  );
}

const byLevelThenId = (a: Requirement, b: Requirement) =>
  (a.level === b.level ? 0 : a.level === 'mandatory' ? -1 : 1) ||
  a.integration.localeCompare(b.integration, 'en', { numeric: true });

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
