/**
 * Each system's place in KOMBIT's onboarding programme and the counts per category that
 * KOMBIT's slide shows. Set by hand in the sheet wins (programme-events.ts, with KOMBIT's reason);
 * then the place KOMBIT declared in the catalogue (a system's `programme` in systems.yaml);
 * otherwise derived from the system's cells by klarmeld's rule, because KOMBIT's sources give none:
 * no word at all → Manglende info om klarmeldingsstatus; only Irrelevant → Markeret som
 * irrelevante; every required cell Klarmeldt (or Irrelevant) → Klarmeldt; a Forløb N →
 * Tilmeldt onboardingsforløb (the highest round); any Klarmeldt or Delvis → Delvist klarmeldt;
 * any Nej → Ikke klarmeldt; only words the sources do not define (Ensidig) → Manglende info.
 * Administrativt fjernet is never derived: only KOMBIT removes a system.
 */
import type { Catalog } from '../../catalog/index.ts';
import type { ContestEvent, ProgrammeEvent } from './programme-events.ts';
import { programmeCategories } from './programme-categories.ts';
import { buildMatrix } from './sheet-matrix.ts';
import type { StatusEvent } from './status-event.ts';

export interface ProgrammePlace {
  system: string;
  name: string;
  category: string;
  round?: number;
  reason?: string;
  note?: string;
  /**
   * `manual`: set by hand in the sheet (with actor and time); `catalogue`: declared in systems.yaml
   * (no date); `derived`: from the cells by klarmeld's rule.
   */
  source: 'manual' | 'catalogue' | 'derived';
  actor?: string;
  at?: string;
}

export interface ProgrammeOverview {
  categories: { code: string; label: string; labelEn: string; count: number }[];
  systems: ProgrammePlace[];
  /** Contests of KOMBIT's estimate that KOMBIT has not decided yet. */
  openContests: ContestEvent[];
}

type Cell = { status?: string; word?: string; level?: string };

/** The category the cells show, by the rule above. */
export function derivePlace(cells: readonly Cell[]): { category: string; round?: number } {
  const considered = cells.filter((c) => c.level || c.status);
  const words = considered.filter((c) => c.status);
  const has = (code: string) => words.some((c) => c.status === code);
  if (words.length === 0) return { category: 'manglende-info' };
  if (words.every((c) => c.status === 'irrelevant')) return { category: 'irrelevant' };
  if (considered.every((c) => c.status === 'klarmeldt' || c.status === 'irrelevant') && has('klarmeldt'))
    return { category: 'klarmeldt' };
  if (has('tilmeldt')) {
    const rounds = words
      .flatMap((c) => (c.status === 'tilmeldt' ? [Number(/(\d+)\s*$/.exec(c.word ?? '')?.[1] ?? NaN)] : []))
      .filter(Number.isFinite);
    return { category: 'tilmeldt', ...(rounds.length ? { round: Math.max(...rounds) } : {}) };
  }
  if (has('klarmeldt') || has('delvist-klarmeldt')) return { category: 'delvist-klarmeldt' };
  if (has('ikke-klarmeldt')) return { category: 'ikke-klarmeldt' };
  return { category: 'manglende-info' };
}

/** Open contests: the latest event of a system × integration is a contest. */
export function openContests(contests: readonly ContestEvent[]): ContestEvent[] {
  const latest = new Map<string, ContestEvent>();
  for (const c of contests) latest.set(`${c.system}\u0000${c.integration}`, c);
  return [...latest.values()].filter((c) => c.kind === 'contest');
}

export function programmeOverview(
  catalog: Catalog,
  current: readonly StatusEvent[],
  programme: readonly ProgrammeEvent[] = [],
  contests: readonly ContestEvent[] = [],
): ProgrammeOverview {
  const manual = new Map<string, ProgrammeEvent>();
  for (const e of programme) manual.set(e.system, e);
  const declaredPlaces = new Map(catalog.systems.flatMap((s) => (s.programme ? [[s.id, s.programme] as const] : [])));
  const matrix = buildMatrix(catalog, current);
  const systems = matrix.rows.map((row): ProgrammePlace => {
    const set = manual.get(row.system);
    if (set && set.category) {
      return {
        system: row.system,
        name: row.name,
        category: set.category,
        ...(set.round !== undefined ? { round: set.round } : {}),
        ...(set.reason ? { reason: set.reason } : {}),
        ...(set.note ? { note: set.note } : {}),
        source: 'manual',
        actor: set.actor,
        at: set.at,
      };
    }
    const declared = declaredPlaces.get(row.system);
    if (declared) {
      return {
        system: row.system,
        name: row.name,
        category: declared.category,
        ...(declared.round !== undefined ? { round: declared.round } : {}),
        ...(declared.reason ? { reason: declared.reason } : {}),
        source: 'catalogue',
      };
    }
    return { system: row.system, name: row.name, ...derivePlace(row.cells), source: 'derived' };
  });
  return {
    categories: programmeCategories.map((c) => ({
      code: c.code,
      label: c.label,
      labelEn: c.labelEn,
      count: systems.filter((s) => s.category === c.code).length,
    })),
    systems,
    openContests: openContests(contests),
  };
}
