/**
 * Reads a system inventory as a table of text: a CSV file (comma or semicolon separated, as
 * Danish Excel writes it, quotes per RFC 4180, UTF-8 with or without BOM) or the first worksheet
 * of an xlsx workbook. Cells are kept as written; only surrounding whitespace is trimmed.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';

export interface Table {
  headers: string[];
  /** Data rows with their 1-based row number in the file (the header is row 1). */
  rows: { row: number; cells: string[] }[];
}

/** Splits CSV text into records; the delimiter is the one (',' or ';') the header line uses most. */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) (record.push(field), (field = ''));
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      (record.push(field), records.push(record), (record = []), (field = ''));
    } else field += c;
  }
  if (field !== '' || record.length > 0) (record.push(field), records.push(record));
  return records.filter((r) => r.some((cell) => cell.trim() !== ''));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value);
}

/** Reads FILE by its extension (.csv or .xlsx); throws an Error naming the file when it cannot. */
export async function readTable(file: string): Promise<Table> {
  let grid: { row: number; cells: string[] }[];
  if (/\.xlsx$/i.test(file)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error(`The workbook ${file} has no worksheet.`);
    grid = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
      if (cells.some((x) => x.trim() !== '')) grid.push({ row: number, cells });
    });
  } else {
    const records = parseCsv(await readFile(file, 'utf8'));
    grid = records.map((cells, i) => ({ row: i + 1, cells }));
  }
  const [header, ...rows] = grid;
  if (!header) throw new Error(`${file} is empty: it has no header row.`);
  return {
    headers: header.cells.map((h) => h.trim()),
    rows: rows.map((r) => ({ row: r.row, cells: r.cells.map((c) => c.trim()) })),
  };
}
