/**
 * Which events an imported workbook adds: one per cell whose word differs from the current one
 * (so "Delvis" → "Delvist" is a change, as KOMBIT wrote it). A blank cell where the sheet shows
 * a word adds a blank event: KOMBIT's workbook emptied the cell, and the history keeps what was
 * there. Unchanged cells add nothing, so importing an exported workbook is a no-op.
 */
import type { Catalog } from '../../catalog/index.ts';
import { currentStatuses } from './current-status.ts';
import type { NewStatusEvent, StatusEvent } from './status-event.ts';
import type { ImportedCell } from './xlsx-import.ts';

export interface PlannedChange extends NewStatusEvent {
  /** The word before, '' when the cell was blank. */
  before: string;
  cell?: string;
}

export function planImport(
  catalog: Catalog,
  current: readonly StatusEvent[],
  cells: readonly ImportedCell[],
  actor: string,
): PlannedChange[] {
  const now = currentStatuses(catalog, current);
  return cells.flatMap((cell) => {
    const before = now.of(cell.system, cell.integration);
    const word = before?.status ? before.word : '';
    if (word === cell.word && (before?.status ?? '') === cell.status) return [];
    return [
      {
        system: cell.system,
        integration: cell.integration,
        status: cell.status,
        word: cell.word,
        actor,
        source: 'import' as const,
        before: word,
        ...(cell.cell ? { cell: cell.cell } : {}),
      },
    ];
  });
}
