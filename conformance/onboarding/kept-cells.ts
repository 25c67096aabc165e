/**
 * Cells an import could not map (an unknown system or integration, a word that is not
 * KOMBIT's, a column klarmeld does not know), kept verbatim in the sheet so that nothing of
 * KOMBIT's workbook is lost: every import appends its own, the export writes back the latest
 * import's. Append-only, like every log of the sheet.
 */
import { randomUUID } from 'node:crypto';
import type { SheetStore } from './sheet-store.ts';

export interface KeptCell {
  sheet: string;
  /** A1 reference in the imported workbook. */
  cell: string;
  /** The row's system and supplier as the workbook writes them ('' for a header cell). */
  rowSystem: string;
  rowSupplier: string;
  /** The column's header as written. */
  header: string;
  text: string;
  /** Why it could not be mapped. */
  why: string;
}

interface KeptRow {
  import_id: string;
  file: string;
  sheet: string;
  cell: string;
  row_system: string;
  row_supplier: string;
  header: string;
  text: string;
  why: string;
}

export function appendKeptCells(
  store: SheetStore,
  file: string,
  actor: string,
  cells: readonly KeptCell[],
  at: Date,
): string {
  const importId = randomUUID();
  const insert = store.database.prepare(
    'INSERT INTO kept_cells (import_id, file, sheet, cell, row_system, row_supplier, header, text, why, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // An import with nothing to keep still records that it kept nothing, so the export does not
  // bring back what an earlier import kept and this one no longer has.
  if (cells.length === 0) insert.run(importId, file, '', '', '', '', '', '', 'nothing kept', actor, at.toISOString());
  for (const c of cells)
    insert.run(
      importId,
      file,
      c.sheet,
      c.cell,
      c.rowSystem,
      c.rowSupplier,
      c.header,
      c.text,
      c.why,
      actor,
      at.toISOString(),
    );
  return importId;
}

/** The cells the latest import kept. */
export function latestKeptCells(store: SheetStore): KeptCell[] {
  const rows = store.database
    .prepare(
      "SELECT * FROM kept_cells WHERE import_id = (SELECT import_id FROM kept_cells ORDER BY seq DESC LIMIT 1) AND why <> 'nothing kept' ORDER BY seq",
    )
    .all() as unknown as KeptRow[];
  return rows.map((r) => ({
    sheet: r.sheet,
    cell: r.cell,
    rowSystem: r.row_system,
    rowSupplier: r.row_supplier,
    header: r.header,
    text: r.text,
    why: r.why,
  }));
}
