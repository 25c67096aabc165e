/**
 * Writes the sheet as KOMBIT keeps it: worksheet "Klarmelding" in KOMBIT's layout (a row per SKI
 * system with its name and supplier, KOMBIT's 18 integration columns in KOMBIT's order headed as
 * KOMBIT heads them, then the other integrations a system requires, each cell KOMBIT's word as
 * recorded), with what an import could not map written back where it was; required cells marked
 * (bold, framed), a drop-down of KOMBIT's words, autofilter, frozen header row, the vocabulary's
 * colours (KOMBIT's own are not in its sources). Beside it "Historik" (every event, times as Excel
 * dates) and "Belæg" (what backs each current status). Streams rows to the file; one frozen style
 * object per status × required is shared by every cell (issue 15: per-cell style objects cost
 * half the export time).
 */
import ExcelJS from 'exceljs';
import { backingText } from './declaration-backing.ts';
import { headerOf } from './kombit-columns.ts';
import type { KeptCell } from './kept-cells.ts';
import type { SheetMatrix } from './sheet-matrix.ts';
import type { StatusEvent } from './status-event.ts';
import { backingOf } from './declaration-backing.ts';
import {
  argb,
  columnLetter,
  evidenceColumns,
  evidenceSheetName,
  fixedColumns,
  historyColumns,
  historySheetName,
  matrixSheetName,
} from './xlsx-layout.ts';

export interface ExportExtras {
  /** Integration titles, for the headers of integrations KOMBIT's sheet does not list. */
  titles?: ReadonlyMap<string, string>;
  /** What the latest import kept verbatim. */
  kept?: readonly KeptCell[];
}

/**
 * exceljs gives every cell of a new row a fresh merged style object, and the writer then works
 * out each one's style id anew; a shared object is looked up once (a WeakMap in exceljs). So
 * every cell gets one of a few frozen, shared styles.
 */
const plain: Partial<ExcelJS.Style> = Object.freeze({});
const dated: Partial<ExcelJS.Style> = Object.freeze({ numFmt: 'yyyy-mm-dd hh:mm:ss' });

function addRow(
  sheet: ExcelJS.Worksheet,
  values: unknown[],
  styleAt: (column: number) => Partial<ExcelJS.Style> = () => plain,
): ExcelJS.Row {
  // undefined leaves a cell out altogether: cheaper than an empty cell.
  const row = sheet.addRow(values.map((v) => (v === null || v === '' ? undefined : v)));
  row.eachCell((cell, column) => {
    cell.style = styleAt(column);
  });
  return row;
}

/**
 * A system the project made up (fictional) keeps its name as written, so the import still maps
 * the row; the name cell is set in grey italics and carries this note (an Excel comment).
 */
export const exampleNote =
  'Projekteksempel: systemet er opfundet af klarmeld-projektet og er ikke et rigtigt SKI-system.';
const exampleStyle: Partial<ExcelJS.Style> = Object.freeze({ font: { italic: true, color: { argb: 'FF595959' } } });

const requiredBorder = { style: 'thin' as const, color: { argb: 'FF404040' } };
const requiredStyle = {
  border: { top: requiredBorder, left: requiredBorder, bottom: requiredBorder, right: requiredBorder },
  font: { bold: true },
};

function sharedStyles(matrix: SheetMatrix) {
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const freeze = <T>(value: T): T => Object.freeze(value);
  for (const s of matrix.legend) {
    const fill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: argb(s.colour) } };
    styles.set(`${s.code}|0`, freeze({ fill, font: { color: { argb: argb(s.textColour) } } }));
    styles.set(
      `${s.code}|1`,
      freeze({ fill, ...requiredStyle, font: { bold: true, color: { argb: argb(s.textColour) } } }),
    );
  }
  styles.set(
    '|1',
    freeze({ ...requiredStyle, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } }),
  );
  return styles;
}

export async function exportWorkbook(
  file: string,
  matrix: SheetMatrix,
  history: readonly StatusEvent[],
  extras: ExportExtras = {},
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  workbook.creator = 'klarmeld';
  const styles = sharedStyles(matrix);
  const kept = extras.kept ?? [];
  const integrationHeaders = matrix.columns.map((id) => headerOf(id, extras.titles?.get(id)));
  // A title kept from above the header has no column; it stays listed in the sheet, not written back.
  const extraHeaders = [...new Set(kept.map((k) => k.header))].filter((h) => h && !integrationHeaders.includes(h));
  const headers = [...fixedColumns, ...integrationHeaders, ...extraHeaders];
  const column = new Map(headers.map((h, i) => [h, i + 1]));
  const sheet = workbook.addWorksheet(matrixSheetName, {
    views: [{ state: 'frozen', xSplit: fixedColumns.length, ySplit: 1 }],
  });
  sheet.columns = headers.map((header, i) => ({ header, key: `c${i}`, width: i < fixedColumns.length ? 28 : 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  const keptByRow = new Map<string, KeptCell[]>();
  for (const k of kept) {
    if (!k.rowSystem && !k.rowSupplier) continue;
    const key = `${k.rowSystem}\u0000${k.rowSupplier}`;
    (keptByRow.get(key) ?? keptByRow.set(key, []).get(key)!).push(k);
  }
  let rowCount = 1;
  for (const row of matrix.rows) {
    const values: (string | null)[] = [
      row.name,
      row.supplierName,
      ...row.cells.map((c) => (c.status ? (c.word ?? null) : c.level ? '' : null)),
      ...extraHeaders.map(() => null),
    ];
    const own = keptByRow.get(`${row.name}\u0000${row.supplierName}`) ?? [];
    for (const k of own) {
      const at = column.get(k.header);
      if (at !== undefined && (values[at - 1] === null || values[at - 1] === '')) values[at - 1] = k.text || null;
    }
    keptByRow.delete(`${row.name}\u0000${row.supplierName}`);
    const excelRow = addRow(sheet, values);
    if (row.fictional) {
      const name = excelRow.getCell(1);
      name.style = exampleStyle;
      name.note = exampleNote;
    }
    row.cells.forEach((c, i) => {
      const style = styles.get(`${c.status ?? ''}|${c.level ? 1 : 0}`);
      // A required blank cell is written empty, with the mark of a required cell.
      if (style) excelRow.getCell(fixedColumns.length + 1 + i).style = style;
    });
    excelRow.commit();
    rowCount++;
  }
  // Rows of systems the catalogue does not know, as the workbook they came from had them.
  for (const cellsOfRow of keptByRow.values()) {
    const values: (string | null)[] = [
      cellsOfRow[0]!.rowSystem,
      cellsOfRow[0]!.rowSupplier,
      ...headers.slice(fixedColumns.length).map(() => null),
    ];
    for (const k of cellsOfRow) values[column.get(k.header)! - 1] = k.text || null;
    addRow(sheet, values).commit();
    rowCount++;
  }
  const first = columnLetter(fixedColumns.length + 1);
  const last = columnLetter(fixedColumns.length + matrix.columns.length);
  if (matrix.columns.length > 0 && rowCount > 1) {
    const words = matrix.legend
      .filter((s) => s.inSheet)
      .flatMap((s) =>
        s.code === 'tilmeldt' ? s.words.flatMap((w) => [1, 2, 3, 4, 5].map((n) => `${w} ${n}`)) : s.words,
      );
    // A warning, not a stop: "Forløb 7" and words KOMBIT adds later can still be typed.
    // The stream writer has data validations (exceljs writes them) but its typings leave them out.
    (sheet as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations.add(
      `${first}2:${last}${rowCount}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [`"${words.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: 'Ukendt ord',
        error: `KOMBIT's ord: ${words.join(', ')}`,
      },
    );
  }
  sheet.autoFilter = { from: 'A1', to: `${columnLetter(headers.length)}1` };
  sheet.commit();
  // The history on the second sheet, as KOMBIT asked; what backs each current status on the third.
  writeHistory(workbook, history, new Map(matrix.legend.map((s) => [s.code, s.words[0]!])));
  writeEvidence(workbook, matrix);
  await workbook.commit();
}

function writeEvidence(workbook: ExcelJS.stream.xlsx.WorkbookWriter, matrix: SheetMatrix) {
  const sheet = workbook.addWorksheet(evidenceSheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = evidenceColumns.map((header) => ({ header, key: header, width: header === 'Belæg' ? 60 : 18 }));
  const dateColumn = evidenceColumns.indexOf('Tidspunkt') + 1;
  sheet.getRow(1).font = { bold: true };
  for (const row of matrix.rows) {
    for (const c of row.cells) {
      if (!c.status) continue;
      const b = c.evidence ?? { kind: 'none' as const };
      addRow(
        sheet,
        [
          row.name,
          row.supplierName,
          c.integration,
          c.word ?? null,
          c.status,
          backingText(b),
          b.kind === 'none' ? null : b.runId,
          b.kind === 'none' ? null : (b.keyFingerprint ?? null),
          b.kind !== 'none' && b.shallTotal !== undefined ? `${b.shallPassed}/${b.shallTotal}` : null,
          c.at ? new Date(c.at) : null,
          c.source ?? null,
        ],
        (column) => (column === dateColumn ? dated : plain),
      ).commit();
    }
  }
  sheet.commit();
}

function writeHistory(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  history: readonly StatusEvent[],
  firstWord: Map<string, string>,
) {
  const log = workbook.addWorksheet(historySheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  log.columns = historyColumns.map((header) => ({
    header,
    key: header,
    width: header === 'Digest' || header === 'Platformnøgle' ? 66 : 18,
  }));
  const dateColumn = historyColumns.indexOf('Tidspunkt') + 1;
  log.getRow(1).font = { bold: true };
  for (const e of history) {
    addRow(
      log,
      [
        e.seq,
        new Date(e.at),
        e.system,
        e.integration,
        e.word ?? firstWord.get(e.status) ?? e.status,
        e.status,
        backingText(backingOf(e.evidence)),
        e.reason ?? null,
        e.actor,
        e.source,
        e.evidence?.runId ?? null,
        e.evidence?.keyFingerprint ?? null,
        e.evidence?.digest ?? null,
      ],
      (column) => (column === dateColumn ? dated : plain),
    ).commit();
  }
  log.commit();
}
