/**
 * Reads a workbook in the export's layout back into status cells. Reports every row and cell
 * it cannot map (worksheet, row, column, cell) and never stops at the first; the caller
 * appends nothing unless the list of problems is empty.
 */
import ExcelJS from 'exceljs';
import type { Catalog } from '../../catalog/catalog.ts';
import { checkEvent, statusByCodeOrLabel } from './check-event.ts';
import { fixedColumns, matrixSheetName, parseCellText } from './xlsx-layout.ts';

export interface ImportProblem {
  code: 'workbook-unreadable' | 'worksheet-missing' | 'header' | 'unknown-system' | 'duplicate-system' | 'unknown-status' | 'reason-required' | 'reason-not-allowed' | 'unknown-integration';
  sheet: string;
  row?: number;
  column?: string;
  /** A1 reference, e.g. F12. */
  cell?: string;
  message: string;
}

export interface ImportedCell {
  system: string;
  integration: string;
  status: string;
  reason?: string;
}

export interface WorkbookContent {
  cells: ImportedCell[];
  rows: number;
  problems: ImportProblem[];
}

const columnLetter = (n: number): string => (n <= 0 ? '' : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

export async function readWorkbook(file: string, catalog: Catalog): Promise<WorkbookContent> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    return { cells: [], rows: 0, problems: [{ code: 'workbook-unreadable', sheet: '', message: `${file} is not an Excel workbook (.xlsx) that can be read: ${(error as Error).message}` }] };
  }
  const sheet = workbook.getWorksheet(matrixSheetName);
  if (!sheet) {
    return { cells: [], rows: 0, problems: [{ code: 'worksheet-missing', sheet: matrixSheetName, message: `The workbook has no worksheet "${matrixSheetName}". Start from a workbook written by "klarmeld sheet export --xlsx".` }] };
  }
  const problems: ImportProblem[] = [];
  const at = (row: number, column: number) => ({ sheet: matrixSheetName, row, column: columnLetter(column), cell: `${columnLetter(column)}${row}` });
  const header = sheet.getRow(1);
  fixedColumns.forEach((name, i) => {
    if (header.getCell(i + 1).text.trim() !== name) {
      problems.push({ code: 'header', ...at(1, i + 1), message: `Column ${columnLetter(i + 1)} should be headed "${name}", not "${header.getCell(i + 1).text}"` });
    }
  });
  const integrations = new Map<number, string>();
  for (let column = fixedColumns.length + 1; column <= header.cellCount; column++) {
    const id = header.getCell(column).text.trim();
    if (!id) continue;
    if (catalog.integrations.some((i) => i.id === id)) integrations.set(column, id);
    else problems.push({ code: 'unknown-integration', ...at(1, column), message: `"${id}" is not an integration in the catalogue; the column cannot be mapped` });
  }
  const cells: ImportedCell[] = [];
  const seen = new Map<string, number>();
  let rows = 0;
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const system = row.getCell(1).text.trim();
    const filled = [...integrations.keys()].some((c) => row.getCell(c).text.trim());
    if (!system && !filled) return;
    rows += 1;
    if (!catalog.systems.some((s) => s.id === system)) {
      problems.push({ code: 'unknown-system', ...at(rowNumber, 1), message: `"${system}" is not a SKI system in the catalogue; the row cannot be mapped` });
      return;
    }
    if (seen.has(system)) {
      problems.push({ code: 'duplicate-system', ...at(rowNumber, 1), message: `${system} already has row ${seen.get(system)}; keep one row per system` });
      return;
    }
    seen.set(system, rowNumber);
    for (const [column, integration] of integrations) {
      const text = row.getCell(column).text.trim();
      if (!text) continue;
      const parsed = parseCellText(text);
      const status = statusByCodeOrLabel(catalog, parsed.status);
      if (!status) {
        problems.push({ code: 'unknown-status', ...at(rowNumber, column), message: `"${parsed.status}" is not a status of the vocabulary (write a label such as "${catalog.statuses[0]?.label ?? ''}")` });
        continue;
      }
      const found = checkEvent(catalog, { system, integration, status: status.code, reason: parsed.reason });
      for (const p of found) problems.push({ code: p.code as ImportProblem['code'], ...at(rowNumber, column), message: p.message });
      if (found.length === 0) cells.push({ system, integration, status: status.code, ...(parsed.reason ? { reason: parsed.reason } : {}) });
    }
  });
  return { cells, rows, problems };
}
