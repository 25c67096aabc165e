/**
 * Imports a workbook into the sheet: reads it (xlsx-import), plans one event per changed cell
 * (import-plan) and, unless it is a dry run, appends the events and the cells it kept verbatim
 * in one transaction. A workbook that cannot be read at all changes nothing.
 */
import type { Catalog } from '../../catalog/index.ts';
import { appendKeptCells, type KeptCell } from './kept-cells.ts';
import { planImport, type PlannedChange } from './import-plan.ts';
import type { SheetStore } from './sheet-store.ts';
import type { StatusEvent } from './status-event.ts';
import { readWorkbook, type ImportProblem } from './xlsx-import.ts';

export interface SheetImport {
  file: string;
  worksheet: string;
  rows: number;
  /** Cells read in KOMBIT's words (blank ones included). */
  cells: number;
  /** What changes (or would, in a dry run): the word before and after, per cell. */
  changes: PlannedChange[];
  /** Appended events; empty in a dry run or when there were problems. */
  events: StatusEvent[];
  /** Cells kept verbatim because they could not be mapped, with why. */
  kept: KeptCell[];
  problems: ImportProblem[];
  dryRun: boolean;
}

export async function importWorkbook(
  store: SheetStore,
  catalog: Catalog,
  file: string,
  actor: string,
  options: { dryRun?: boolean; clock?: () => Date } = {},
): Promise<SheetImport> {
  const content = await readWorkbook(file, catalog);
  const dryRun = options.dryRun === true;
  const base = {
    file,
    worksheet: content.sheet,
    rows: content.rows,
    cells: content.cells.length,
    kept: content.kept,
    problems: content.problems,
    dryRun,
  };
  if (content.problems.length > 0) return { ...base, changes: [], events: [] };
  if (dryRun) return { ...base, changes: planImport(catalog, store.current(), content.cells, actor), events: [] };
  return store.atomically(() => {
    const changes = planImport(catalog, store.current(), content.cells, actor);
    const events =
      changes.length > 0 ? store.append(changes.map(({ before: _before, cell: _cell, ...event }) => event)) : [];
    appendKeptCells(store, file, actor, content.kept, (options.clock ?? (() => new Date()))());
    return { ...base, changes, events };
  });
}
