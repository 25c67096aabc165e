import type { Catalog } from './catalog.ts';
import { isApprovedAgreement, type SkiSystem } from './schema/index.ts';

/** Udbredelse of one integration of a system: approved agreements among the system's municipalities. */
export interface Spread {
  /** Municipalities using the system with an approved service agreement for the integration. */
  connected: number;
  /** Municipalities using the system (the catalogue's list). */
  of: number;
  /** The CVRs of the connected municipalities, in the system's order. */
  municipalities: string[];
}

/**
 * "Tilsluttet i N af M kommuner" per integration of a system, from the catalogue's imported
 * agreement list. Undefined when the list has no agreement at all for the system (or no list was
 * imported), so a reader never shows "0 af M" for what is simply not known; once the list names
 * the system, an integration without an approved agreement is 0 of M.
 */
export function spreadOf(catalog: Catalog, system: SkiSystem): ((integration: string) => Spread) | undefined {
  if (!catalog.agreements.some((a) => a.system === system.id)) return undefined;
  const users = new Set(system.municipalities);
  const approved = new Map<string, Set<string>>();
  for (const agreement of catalog.agreements) {
    if (agreement.system !== system.id || !users.has(agreement.municipality) || !isApprovedAgreement(agreement))
      continue;
    let set = approved.get(agreement.integration);
    if (!set) approved.set(agreement.integration, (set = new Set()));
    set.add(agreement.municipality);
  }
  return (integration) => {
    const set = approved.get(integration) ?? new Set<string>();
    return {
      connected: set.size,
      of: system.municipalities.length,
      municipalities: system.municipalities.filter((m) => set.has(m)),
    };
  };
}
