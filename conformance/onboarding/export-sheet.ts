import { existsSync } from 'node:fs';
import type { Catalog } from '../../catalog/index.ts';
import { currentOf } from './current-of.ts';
import { latestKeptCells, type KeptCell } from './kept-cells.ts';
import { buildMatrix } from './sheet-matrix.ts';
import { SheetStore } from './sheet-store.ts';
import type { StatusEvent } from './status-event.ts';
import { exportWorkbook } from './xlsx-export.ts';

export interface ExportOutcome {
  file: string;
  systems: number;
  integrations: number;
  events: number;
  /** Cells the latest import kept verbatim and the workbook writes back. */
  kept: number;
}

/**
 * Writes the whole sheet in KOMBIT's layout (every catalogue system; KOMBIT's 18 columns, then
 * every other integration a system requires or has a status for), the evidence and the history to
 * an .xlsx file. Reads the history once and derives the current view from it; a missing sheet
 * file exports what the catalogue alone knows.
 */
export async function exportSheetFile(catalog: Catalog, sheetPath: string, file: string): Promise<ExportOutcome> {
  const { history, kept } = readSheetFile(sheetPath);
  const matrix = buildMatrix(catalog, currentOf(history));
  const titles = new Map(catalog.integrations.map((i) => [i.id, i.title]));
  await exportWorkbook(file, matrix, history, { titles, kept });
  return {
    file,
    systems: matrix.rows.length,
    integrations: matrix.columns.length,
    events: history.length,
    kept: kept.length,
  };
}

function readSheetFile(sheetPath: string): { history: StatusEvent[]; kept: KeptCell[] } {
  if (!existsSync(sheetPath)) return { history: [], kept: [] };
  const store = SheetStore.open(sheetPath);
  try {
    return { history: store.history(), kept: latestKeptCells(store) };
  } finally {
    store.close();
  }
}
