import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { exportSheetFile } from './export-sheet.ts';
import { importWorkbook } from './import-sheet.ts';
import { SheetStore } from './sheet-store.ts';
import { exampleNote } from './xlsx-export.ts';

const temp = tempDirs();
const noteText = (note: ExcelJS.Cell['note']) =>
  note === undefined ? '' : typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');

describe('the Excel export marks the systems the project made up (issue 11)', () => {
  it('notes and greys the name of a fictional system, leaves a real one plain, and the name still imports unchanged', async () => {
    const shipped = (await loadCatalog()).catalog;
    // Every shipped system is the project's; one is made real here to show the difference.
    const real = shipped.systems[1]!;
    const catalog = {
      ...shipped,
      systems: shipped.systems.map((s) => (s.id === real.id ? { ...s, fictional: false } : s)),
    };
    const example = catalog.systems[0]!;
    expect(example.fictional).toBe(true);
    const dir = await temp.make('xlsx-examples-');
    const store = SheetStore.open(join(dir, 'sheet.sqlite'));
    const file = join(dir, 'out.xlsx');
    await exportSheetFile(catalog, store.path, file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Klarmelding')!;
    const nameCell = (name: string) => {
      let found: ExcelJS.Cell | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).text === name) found = row.getCell(1);
      });
      return found!;
    };
    expect(nameCell(example.name).text).toBe(example.name);
    expect(noteText(nameCell(example.name).note)).toBe(exampleNote);
    expect(noteText(nameCell(example.name).note)).toContain('Projekteksempel');
    expect(nameCell(example.name).font?.italic).toBe(true);
    expect(noteText(nameCell(real.name).note)).toBe('');
    expect(nameCell(real.name).font?.italic).toBeFalsy();
    // The mark is a comment and a font, not text: the import maps every row and changes nothing.
    const imported = await importWorkbook(store, catalog, file, 'kombit', { dryRun: true });
    expect(imported.problems).toEqual([]);
    expect(imported.kept).toEqual([]);
    expect(imported.changes).toEqual([]);
    store.close();
  });
});
