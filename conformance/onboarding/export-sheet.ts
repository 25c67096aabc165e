import { existsSync } from 'node:fs';
import type { Catalog } from '../../catalog/catalog.ts';
import { currentOf } from './current-of.ts';
import { buildMatrix } from './sheet-matrix.ts';
import { SheetStore } from './sheet-store.ts';
import type { StatusEvent } from './status-event.ts';
import { exportWorkbook } from './xlsx-export.ts';

export interface ExportOutcome {
  file: string;
  systems: number;
  integrations: number;
  events: number;
}

/**
 * Writes the whole sheet (every catalogue system and integration) and its history to an .xlsx
 * file. Reads the history once and derives the current view from it; a missing sheet file
 * exports what the catalogue alone knows.
 */
export async function exportSheetFile(catalog: Catalog, sheetPath: string, file: string): Promise<ExportOutcome> {
  const history = readHistory(sheetPath);
  const matrix = buildMatrix(catalog, currentOf(history), { allIntegrations: true });
  await exportWorkbook(file, matrix, history);
  return { file, systems: matrix.rows.length, integrations: matrix.columns.length, events: history.length };
}

function readHistory(sheetPath: string): StatusEvent[] {
  if (!existsSync(sheetPath)) return [];
  const store = SheetStore.open(sheetPath);
  try {
    return store.history();
  } finally {
    store.close();
  }
}
