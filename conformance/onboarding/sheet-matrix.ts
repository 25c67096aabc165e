/**
 * The sheet as KOMBIT reads it: one row per SKI system, one column per integration, each cell
 * the current status as `currentStatuses` gives it (the sheet's latest event, else the catalogue's
 * declaration). Pure: catalogue and current events in, matrix out. Used by `sheet show` and the
 * Excel export and import. The columns are KOMBIT's 18 in KOMBIT's order, whether or not a
 * system requires them, then any other integration a row needs.
 */
import type { Catalog } from '../../catalog/index.ts';
import { requiredIntegrations } from '../../catalog/index.ts';
import { currentStatuses, type CurrentStatus } from './current-status.ts';
import type { Backing } from './declaration-backing.ts';
import { kombitColumns } from './kombit-columns.ts';
import { initials, markOf, reportCodeText, wordsOf } from './kombit-words.ts';
import type { EventSource, StatusEvent } from './status-event.ts';

export interface MatrixCell {
  integration: string;
  /** Whether the system must (mandatory) or may (supplementary) connect; absent when not required. */
  level?: 'mandatory' | 'supplementary';
  /** klarmeld's code of the declared status; absent for a blank cell. */
  status?: string;
  /** The cell's word as KOMBIT writes it ("Delvist", "Forløb 3"); absent for a blank cell. */
  word?: string;
  reason?: string;
  at?: string;
  source?: EventSource | 'catalogue';
  runId?: string;
  /** What backs the declaration (nothing, a run on the supplier's own platform, a run on a platform KOMBIT trusts): evidence, never a status. */
  evidence?: Backing;
}

export interface MatrixRow {
  system: string;
  name: string;
  supplier: string;
  supplierName: string;
  areas: string[];
  /** The system is one of the project's examples (`fictional: true` in systems.yaml), not a real SKI system: every view marks it. */
  fictional: boolean;
  cells: MatrixCell[];
}

export interface StatusLegend {
  code: string;
  label: string;
  labelEn: string;
  colour: string;
  textColour: string;
  /** The short code for narrow cells and filters (K, D, F …), from the vocabulary. */
  mark: string;
  /** Every spelling KOMBIT writes for it. */
  words: string[];
  /** The connection report's code ("🟢 1. Ja"), absent where KOMBIT's sources give none. */
  reportCode?: string;
  /** A word of KOMBIT's sheet (false for programme categories kept for older declarations). */
  inSheet: boolean;
}

export interface SheetMatrix {
  columns: string[];
  rows: MatrixRow[];
  legend: StatusLegend[];
}

export interface MatrixFilter {
  supplier?: string;
  area?: string;
  /** Keep systems with at least one cell in this status (a code; the views accept words and marks). */
  status?: string;
  /** One column per catalogue integration (the Excel sheet) instead of only those the rows need. */
  allIntegrations?: boolean;
}

/** After the name of a system the project made up (`fictional`), in the text views, so nobody takes it for a real SKI system. */
export const EXAMPLE_MARK = ' (e)';
export const exampleLegend = '(e) projekteksempel: a system the project made up, not a real SKI system';

/** The initials of a code; the vocabulary's `mark` is the short code readers see. */
export const statusMark = initials;
const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function cellOf(current: CurrentStatus, level: MatrixCell['level']): MatrixCell {
  return {
    integration: current.integration,
    level,
    ...(current.status ? { status: current.status, word: current.word } : {}),
    reason: current.reason,
    source: current.source,
    ...(current.source !== 'catalogue' ? { at: current.at, runId: current.evidence?.runId } : {}),
    evidence: current.backing,
  };
}

/** KOMBIT's 18 columns first, in KOMBIT's order, then the others in SF order. */
export function matrixColumns(others: Iterable<string>): string[] {
  const kombit = kombitColumns.map((c) => c.integration);
  const rest = [...new Set(others)].filter((id) => !kombit.includes(id)).sort(byNumber);
  return [...kombit, ...rest];
}

export function buildMatrix(catalog: Catalog, current: readonly StatusEvent[], filter: MatrixFilter = {}): SheetMatrix {
  const suppliers = new Map(catalog.suppliers.map((s) => [s.cvr, s.name]));
  const statuses = currentStatuses(catalog, current);
  const systems = catalog.systems.filter(
    (s) => (!filter.supplier || s.supplier === filter.supplier) && (!filter.area || s.areas.includes(filter.area)),
  );
  const drafts = systems.map((system) => {
    const levels = new Map(requiredIntegrations(catalog, system.id).map((r) => [r.integration, r.level]));
    const cells = new Map<string, MatrixCell>();
    for (const [integration, level] of levels) cells.set(integration, { integration, level });
    for (const status of statuses.ofSystem(system.id))
      cells.set(status.integration, cellOf(status, levels.get(status.integration)));
    return { system, cells };
  });
  const kept = filter.status
    ? drafts.filter((d) => [...d.cells.values()].some((c) => c.status === filter.status))
    : drafts;
  const columns = matrixColumns(
    filter.allIntegrations ? catalog.integrations.map((i) => i.id) : kept.flatMap((d) => [...d.cells.keys()]),
  );
  return {
    columns,
    rows: kept.map(({ system, cells }) => ({
      system: system.id,
      name: system.name,
      supplier: system.supplier,
      supplierName: suppliers.get(system.supplier) ?? system.supplier,
      areas: system.areas,
      fictional: system.fictional,
      cells: columns.map((integration) => cells.get(integration) ?? { integration }),
    })),
    legend: catalog.statuses.map((s) => ({
      code: s.code,
      label: s.label,
      labelEn: s.labelEn,
      colour: s.colour,
      textColour: s.textColour,
      mark: markOf(s),
      words: wordsOf(s),
      ...(reportCodeText(s) ? { reportCode: reportCodeText(s) } : {}),
      inSheet: s.inSheet !== false,
    })),
  };
}
