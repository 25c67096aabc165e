import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import type { Catalog } from '../../catalog/catalog.ts';
import { planImport } from './import-plan.ts';
import { buildMatrix } from './sheet-matrix.ts';
import { SheetStore } from './sheet-store.ts';
import { testCatalog } from './testing/test-catalog.ts';
import { exportWorkbook } from './xlsx-export.ts';
import { readWorkbook } from './xlsx-import.ts';

let catalog: Catalog;
const temp = tempDirs();
beforeAll(async () => {
  catalog = await testCatalog();
});

async function sheetWithEvents() {
  const dir = await temp.make('xlsx-');
  const store = SheetStore.open(join(dir, 'sheet.sqlite'));
  store.append([
    { system: 'jobcenter-plus', integration: 'SF1520', status: 'klarmeldt', actor: 'runner', source: 'run', evidence: { runId: 'r1', digest: 'd'.repeat(64) } },
    { system: 'jobcenter-plus', integration: 'SF1500', status: 'irrelevant', reason: 'Kommunen efterspørger det ikke', actor: 'kombit', source: 'manual' },
    { system: 'oekonomi-let', integration: 'SF1514', status: 'delvist-klarmeldt', actor: 'runner', source: 'run' },
  ]);
  return { dir, store };
}

async function exported() {
  const { dir, store } = await sheetWithEvents();
  const file = join(dir, 'sheet.xlsx');
  await exportWorkbook(file, buildMatrix(catalog, store.current(), { allIntegrations: true }), store.history());
  return { dir, store, file };
}

describe('Excel export and import', () => {
  it('exports one row per system, one column per integration, coloured cells, and the history', async () => {
    const { file } = await exported();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Klarmelding')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['System', 'Navn', 'Leverandør CVR', 'Leverandør', 'Ydelsesområder', ...catalog.integrations.map((i) => i.id).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))]);
    expect(sheet.actualRowCount).toBe(1 + catalog.systems.length);
    const row = sheet.getRow(2);
    const column = header.indexOf('SF1520') + 1;
    expect(row.getCell(1).text).toBe('jobcenter-plus');
    expect(row.getCell(column).text).toBe('1. Ja / Klarmeldt');
    expect((row.getCell(column).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFC6EFCE');
    expect(row.getCell(header.indexOf('SF1500') + 1).text).toBe('Irrelevant: Kommunen efterspørger det ikke');
    expect(workbook.getWorksheet('Historik')!.actualRowCount).toBe(1 + 3);
  });

  it('round-trips: importing an exported workbook reads every status back and changes nothing', async () => {
    const { store, file } = await exported();
    const content = await readWorkbook(file, catalog);
    expect(content.problems).toEqual([]);
    expect(content.cells).toEqual(expect.arrayContaining([
      { system: 'jobcenter-plus', integration: 'SF1520', status: 'klarmeldt' },
      { system: 'jobcenter-plus', integration: 'SF1500', status: 'irrelevant', reason: 'Kommunen efterspørger det ikke' },
      { system: 'oekonomi-let', integration: 'SF1514', status: 'delvist-klarmeldt' },
    ]));
    expect(planImport(catalog, store.current(), content.cells, 'kombit')).toEqual([]);
  });

  it('turns an edited cell into one import event', async () => {
    const { store, file } = await exported();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Klarmelding')!;
    const column = (sheet.getRow(1).values as unknown[]).indexOf('SF1520');
    sheet.getRow(2).getCell(column).value = 'Delvist klarmeldt';
    await workbook.xlsx.writeFile(file);
    const content = await readWorkbook(file, catalog);
    expect(planImport(catalog, store.current(), content.cells, 'kombit')).toEqual([
      { system: 'jobcenter-plus', integration: 'SF1520', status: 'delvist-klarmeldt', actor: 'kombit', source: 'import' },
    ]);
  });

  it('names every cell and row of a broken workbook it cannot map', async () => {
    const { file } = await exported();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Klarmelding')!;
    const header = sheet.getRow(1).values as unknown[];
    sheet.getRow(1).getCell(header.indexOf('SF1461')).value = 'SF0000';
    sheet.getRow(2).getCell(header.indexOf('SF1520')).value = 'Måske';
    sheet.getRow(2).getCell(header.indexOf('SF1500')).value = 'Irrelevant';
    sheet.getRow(3).getCell(1).value = 'ukendt-system';
    await workbook.xlsx.writeFile(file);
    const { problems } = await readWorkbook(file, catalog);
    const letter = (n: number) => String.fromCharCode(64 + n);
    expect(problems.map((p) => [p.code, p.sheet, p.cell])).toEqual([
      ['unknown-integration', 'Klarmelding', `${letter(header.indexOf('SF1461'))}1`],
      ['reason-required', 'Klarmelding', `${letter(header.indexOf('SF1500'))}2`],
      ['unknown-status', 'Klarmelding', `${letter(header.indexOf('SF1520'))}2`],
      ['unknown-system', 'Klarmelding', 'A3'],
    ]);
  });

  it('reports a file that is not a workbook, or lacks the worksheet, instead of throwing', async () => {
    const { dir } = await sheetWithEvents();
    await writeFile(join(dir, 'nonsense.xlsx'), 'not a zip');
    expect((await readWorkbook(join(dir, 'nonsense.xlsx'), catalog)).problems[0]!.code).toBe('workbook-unreadable');
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Other');
    await empty.xlsx.writeFile(join(dir, 'other.xlsx'));
    expect((await readWorkbook(join(dir, 'other.xlsx'), catalog)).problems[0]!.code).toBe('worksheet-missing');
  });
});
