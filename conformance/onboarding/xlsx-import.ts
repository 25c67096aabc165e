/**
 * Reads a workbook in KOMBIT's layout: a row per SKI system (its name and supplier, possibly
 * more columns), a column per integration headed "SF 1470 - Sags- og Dokumentindeks" or the bare
 * id, cells in KOMBIT's words. Systems are found by name and supplier (name or CVR). What cannot
 * be mapped (an unknown system or integration, a word that is not KOMBIT's, a column klarmeld
 * does not know, a second row for one system) is kept verbatim and listed, never dropped; only
 * a workbook that cannot be read at all is a problem that stops the import.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Catalog } from '../../catalog/index.ts';
import { integrationOfHeader } from './kombit-columns.ts';
import type { KeptCell } from './kept-cells.ts';
import { readWord } from './kombit-words.ts';
import { columnLetter, foldHeader, matrixSheetName, supplierHeaders, systemHeaders } from './xlsx-layout.ts';

export interface ImportProblem {
  code: 'workbook-unreadable' | 'worksheet-missing' | 'header';
  sheet: string;
  row?: number;
  column?: string;
  /** A1 reference, e.g. F12. */
  cell?: string;
  message: string;
}

/** A cell read in KOMBIT's words; status '' (and word '') for a blank cell. */
export interface ImportedCell {
  system: string;
  integration: string;
  status: string;
  word: string;
  /** A1 reference in the workbook. */
  cell?: string;
}

export interface WorkbookContent {
  sheet: string;
  cells: ImportedCell[];
  /** Cells that could not be mapped, verbatim, with why. */
  kept: KeptCell[];
  rows: number;
  problems: ImportProblem[];
}

interface Columns {
  name: number;
  id?: number;
  supplier?: number;
  cvr?: number;
  integrations: Map<number, string>;
  /** Columns that are neither row keys nor catalogue integrations: kept verbatim. */
  other: Map<number, { header: string; why: string }>;
}

/** A worksheet as text: row number → cell texts (index 1 = column A). */
type SheetText = Map<number, string[]>;

function readHeader(header: readonly string[], catalog: Catalog): Columns | undefined {
  const known = new Set(catalog.integrations.map((i) => i.id));
  const texts = new Map<number, string>();
  header.forEach((text, column) => {
    if (text) texts.set(column, text);
  });
  const find = (names: string[]) => [...texts].find(([, text]) => names.includes(foldHeader(text)))?.[0];
  // klarmeld's layout before issue 11 had "System" (the id) and "Navn" (the name).
  const oldLayout = find(['system']) !== undefined && find(['navn']) !== undefined;
  const name = oldLayout ? find(['navn']) : find(systemHeaders);
  if (name === undefined) return undefined;
  const columns: Columns = {
    name,
    ...(oldLayout ? { id: find(['system']) } : {}),
    supplier: find(['leverandør', 'leverandørnavn', 'leverandør navn']),
    cvr: find(['leverandør cvr', 'cvr']),
    integrations: new Map(),
    other: new Map(),
  };
  const keys = new Set([columns.name, columns.id, columns.supplier, columns.cvr]);
  for (const [column, text] of texts) {
    if (keys.has(column)) continue;
    const integration = integrationOfHeader(text, known);
    if (integration && known.has(integration)) columns.integrations.set(column, integration);
    else if (integration)
      columns.other.set(column, { header: text, why: `${integration} is not an integration in the catalogue` });
    else if (!supplierHeaders.includes(foldHeader(text)))
      columns.other.set(column, { header: text, why: 'a column klarmeld does not map (kept as written)' });
  }
  return columns;
}

/** The catalogue system a row names: by id (klarmeld's old layout), else by name and, when given, supplier name or CVR. */
function systemOfRow(
  catalog: Catalog,
  id: string,
  name: string,
  supplier: string,
  cvr: string,
): { system?: string; why?: string } {
  if (id && catalog.systems.some((s) => s.id === id)) return { system: id };
  const suppliers = new Map(catalog.suppliers.map((s) => [s.cvr, foldHeader(s.name)]));
  const matches = catalog.systems.filter(
    (s) =>
      foldHeader(s.name) === foldHeader(name) &&
      (!supplier || s.supplier === supplier.trim() || suppliers.get(s.supplier) === foldHeader(supplier)) &&
      (!cvr || s.supplier === cvr.trim()),
  );
  if (matches.length === 1) return { system: matches[0]!.id };
  if (matches.length > 1)
    return {
      why: `${matches.length} systems in the catalogue are called "${name}"${supplier ? ` by ${supplier}` : ''}: ${matches.map((s) => s.id).join(', ')}`,
    };
  return { why: `"${name}"${supplier ? ` (${supplier})` : ''} is not a SKI system in the catalogue` };
}

/**
 * The worksheet to import, as text: klarmeld's "Klarmelding", else the workbook's first. Read with
 * exceljs's streaming reader so the other worksheets (an export's evidence and history, a million
 * cells at KOMBIT's scale) are skipped unread.
 */
async function readSheetText(file: string): Promise<{ name: string; rows: SheetText } | undefined> {
  // exceljs opens the file itself and loses the error of a missing or unreadable one (uncaught,
  // and the read never ends): opened here first, the error is the caller's to report.
  await access(file, constants.R_OK);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let chosen: { name: string; rows: SheetText } | undefined;
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    if (chosen && name !== matrixSheetName) {
      // A worksheet passed over must still be read to its end: exceljs may serve it from a temp
      // file that it deletes as soon as we move on, and a read stream not yet opened then fails
      // with ENOENT, uncaught (npm test met it about one run in five).
      for await (const _row of worksheet);
      continue;
    }
    const rows: SheetText = new Map();
    for await (const row of worksheet) {
      const texts: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        texts[column] = cell.text.trim();
      });
      rows.set(row.number, texts);
    }
    chosen = { name, rows };
    // klarmeld's own worksheet found: the rest (history, evidence) is never opened.
    if (name === matrixSheetName) break;
  }
  return chosen;
}

export async function readWorkbook(file: string, catalog: Catalog): Promise<WorkbookContent> {
  const empty = (sheet: string, problem: ImportProblem): WorkbookContent => ({
    sheet,
    cells: [],
    kept: [],
    rows: 0,
    problems: [problem],
  });
  let read;
  try {
    read = await readSheetText(file);
  } catch (error) {
    return empty('', {
      code: 'workbook-unreadable',
      sheet: '',
      message: `${file} is not an Excel workbook (.xlsx) that can be read: ${(error as Error).message}. Save it as .xlsx and import it again.`,
    });
  }
  if (!read)
    return empty(matrixSheetName, {
      code: 'worksheet-missing',
      sheet: matrixSheetName,
      message: `${file} has no worksheet. Export one with "klarmeld sheet export --xlsx" or use KOMBIT's sheet.`,
    });
  const sheet = read.name;
  // KOMBIT's sheet may carry a title above its header: the header is the first of the first ten
  // rows that names a system column.
  const headerRow =
    [...read.rows.keys()].filter((n) => n <= 10).find((n) => readHeader(read.rows.get(n)!, catalog)) ?? 1;
  const header = read.rows.get(headerRow) ?? [];
  const columns = readHeader(header, catalog);
  if (!columns) {
    return empty(sheet, {
      code: 'header',
      sheet,
      row: 1,
      cell: 'A1',
      message: `None of the first ten rows of "${sheet}" names a system column: head the column of system names "SKI System" (or ${systemHeaders
        .slice(1, 4)
        .map((h) => `"${h}"`)
        .join(', ')}) and the supplier's "Leverandør".`,
    });
  }
  const cells: ImportedCell[] = [];
  const kept: KeptCell[] = [];
  const seen = new Map<string, number>();
  let rows = 0;
  const headerOf = (column: number) => header[column] ?? '';
  for (const [column, other] of columns.other) {
    kept.push({
      sheet,
      cell: `${columnLetter(column)}${headerRow}`,
      rowSystem: '',
      rowSupplier: '',
      header: other.header,
      text: other.header,
      why: other.why,
    });
  }
  for (const [rowNumber, row] of read.rows) {
    if (rowNumber < headerRow) {
      // A title above the header: kept, so nothing of the workbook is lost.
      row.forEach((text, column) => {
        if (text)
          kept.push({
            sheet,
            cell: `${columnLetter(column)}${rowNumber}`,
            rowSystem: '',
            rowSupplier: '',
            header: '',
            text,
            why: 'above the header row',
          });
      });
      continue;
    }
    if (rowNumber === headerRow) continue;
    const text = (column: number | undefined) => (column === undefined ? '' : (row[column] ?? ''));
    const name = text(columns.name);
    const supplier = text(columns.supplier);
    const keepCell = (column: number, header: string, value: string, why: string) =>
      kept.push({
        sheet,
        cell: `${columnLetter(column)}${rowNumber}`,
        rowSystem: name,
        rowSupplier: supplier,
        header,
        text: value,
        why,
      });
    const filled = [...columns.integrations.keys(), ...columns.other.keys()].filter((c) => text(c));
    if (!name && filled.length === 0) continue;
    rows += 1;
    const found = systemOfRow(catalog, text(columns.id), name, supplier, text(columns.cvr));
    const duplicate = found.system !== undefined && seen.has(found.system);
    const why =
      found.why ??
      (duplicate
        ? `${found.system} already has row ${seen.get(found.system!)}; this row is kept as written`
        : undefined);
    if (why) {
      // The whole row is kept, blanks included, so the export writes it back as it was.
      for (const column of columns.integrations.keys()) keepCell(column, headerOf(column), text(column), why);
      for (const [column, other] of columns.other) if (text(column)) keepCell(column, other.header, text(column), why);
      continue;
    }
    seen.set(found.system!, rowNumber);
    for (const [column, integration] of columns.integrations) {
      const value = text(column);
      const word = readWord(catalog.statuses, value);
      const cell = `${columnLetter(column)}${rowNumber}`;
      if ('problem' in word) keepCell(column, headerOf(column), value, word.problem);
      else if ('blank' in word) cells.push({ system: found.system!, integration, status: '', word: '', cell });
      else cells.push({ system: found.system!, integration, status: word.code, word: word.word, cell });
    }
    for (const [column, other] of columns.other)
      if (text(column)) keepCell(column, other.header, text(column), other.why);
  }
  return { sheet, cells, kept, rows, problems: [] };
}
