/**
 * Writes the sheet as an Excel workbook like KOMBIT's: worksheet "Klarmelding" with one row per
 * system and one column per integration, each cell the status label (and reason) filled with
 * the vocabulary's colour; worksheet "Historik" with every event. Streams rows to the file so
 * 700 systems × 60 integrations stay fast and small in memory.
 */
import ExcelJS from 'exceljs';
import type { SheetMatrix } from './sheet-matrix.ts';
import type { StatusEvent } from './status-event.ts';
import { argb, cellText, fixedColumns, historyColumns, historySheetName, matrixSheetName } from './xlsx-layout.ts';

export async function exportWorkbook(file: string, matrix: SheetMatrix, history: readonly StatusEvent[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  workbook.creator = 'klarmeld';
  const legend = new Map(matrix.legend.map((s) => [s.code, s]));
  // One style object per status, shared by every cell of that status.
  const styles = new Map(
    matrix.legend.map((s) => [s.code, {
      fill: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: argb(s.colour) } },
      font: { color: { argb: argb(s.textColour) } },
    }]),
  );
  const sheet = workbook.addWorksheet(matrixSheetName, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.columns = [
    ...fixedColumns.map((header, i) => ({ header, key: `f${i}`, width: i === 1 || i === 3 ? 28 : 16 })),
    ...matrix.columns.map((integration) => ({ header: integration, key: integration, width: 20 })),
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of matrix.rows) {
    const values = [row.system, row.name, row.supplier, row.supplierName, row.areas.join(', '),
      ...row.cells.map((c) => (c.status ? cellText(legend.get(c.status)?.label ?? c.status, c.reason) : null))];
    const excelRow = sheet.addRow(values);
    row.cells.forEach((c, i) => {
      const style = c.status ? styles.get(c.status) : undefined;
      if (style) Object.assign(excelRow.getCell(fixedColumns.length + 1 + i), style);
    });
    excelRow.commit();
  }
  sheet.commit();
  const log = workbook.addWorksheet(historySheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  log.columns = historyColumns.map((header) => ({ header, key: header, width: header === 'Digest' ? 66 : 18 }));
  log.getRow(1).font = { bold: true };
  for (const e of history) {
    log.addRow([e.seq, e.at, e.system, e.integration, legend.get(e.status)?.label ?? e.status, e.status, e.reason ?? null, e.actor, e.source, e.evidence?.runId ?? null, e.evidence?.digest ?? null]).commit();
  }
  log.commit();
  await workbook.commit();
}
