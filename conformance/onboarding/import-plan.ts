/**
 * Which events an imported workbook adds: one per cell whose status or reason differs from the
 * current one (sheet events first, then the catalogue's hand-recorded status). Unchanged cells
 * add nothing, so importing an exported workbook is a no-op; empty cells never erase history.
 */
import type { Catalog } from '../../catalog/catalog.ts';
import { buildMatrix } from './sheet-matrix.ts';
import type { NewStatusEvent, StatusEvent } from './status-event.ts';
import type { ImportedCell } from './xlsx-import.ts';

export function planImport(catalog: Catalog, current: readonly StatusEvent[], cells: readonly ImportedCell[], actor: string): NewStatusEvent[] {
  const matrix = buildMatrix(catalog, current, { allIntegrations: true });
  const now = new Map<string, { status?: string; reason?: string }>();
  for (const row of matrix.rows) for (const cell of row.cells) now.set(`${row.system}\u0000${cell.integration}`, cell);
  return cells
    .filter((cell) => {
      const known = now.get(`${cell.system}\u0000${cell.integration}`);
      return known?.status !== cell.status || (known.reason ?? '') !== (cell.reason ?? '');
    })
    .map((cell) => ({ ...cell, actor, source: 'import' as const }));
}
