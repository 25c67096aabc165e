import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, loadCatalog } from '../../catalog/index.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { klarmeld } from '../testing/klarmeld.ts';

const temp = tempDirs();

/** A copy of the shipped catalogue to import into, and a place for the inventory file. */
async function setup() {
  const dir = await temp.make('import-systems-');
  const data = join(dir, 'data');
  await cp(defaultDataDir(), data, { recursive: true });
  return { dir, data };
}

// KOMBIT's words as headers, semicolons as Danish Excel writes CSV, a list cell over several lines.
const inventory = [
  'SKI System navn;Leverandør;Leverandør CVR;SKI Ydelsesområde;SKI Use case(s);Anvender kommuner;Kontaktperson',
  'Jobcenter Y14-eksempel;Fiktivia Systemhus A/S;99990002;Y14 Arbejdsmarked;Y14.II.1;Aalborg kommune, Odense kommune;Hanne',
  'Nyt Jobsystem;Ny Leverandør A/S;12345678;Y14;"Y14.II.2: Ydelsesberegning og udbetaling til borger";"Aalborg kommune',
  'Gotham Kommune',
  '29189846";Jens',
  'Uden CVR;Ukendt ApS;;Y14;;;',
].join('\n');

describe('klarmeld catalog import-systems', () => {
  it('shows in a dry run what would change, the conflicts, what it keeps and the rows it cannot import, and writes nothing', async () => {
    const { dir, data } = await setup();
    const file = join(dir, 'inventory.csv');
    await writeFile(file, inventory);
    const before = await readFile(join(data, 'systems.yaml'), 'utf8');
    const { exit, stdout } = await klarmeld('catalog', 'import-systems', file, '--dir', data);
    expect(exit).toBe(1); // one row could not be imported
    expect(stdout).toContain('1 new systems, 1 updated, 0 unchanged, 1 rows not imported; 1 new suppliers.');
    expect(stdout).toContain('Kontaktperson → kept verbatim');
    expect(stdout).toMatch(/~ jobcenter-y14-eksempel \(row 2\): municipalities \+ 35209115/);
    expect(stdout).toMatch(/! jobcenter-y14-eksempel useCases: catalogue "Y14\.II\.2"/);
    expect(stdout).toContain('? Nyt Jobsystem Anvender kommuner: Gotham Kommune');
    // Rows are counted as a spreadsheet shows them: the quoted list over three lines is one row.
    expect(stdout).toMatch(
      /row 4: The row names no supplier CVR.*\[SKI System navn=Uden CVR, Leverandør=Ukendt ApS, SKI Ydelsesområde=Y14\]/,
    );
    expect(stdout).toContain('Dry run: nothing written.');
    expect(await readFile(join(data, 'systems.yaml'), 'utf8')).toBe(before);
  });

  it('--write adds and updates systems, keeps comments, unknown columns and unresolved values, and the catalogue stays valid; a second import changes nothing', async () => {
    const { dir, data } = await setup();
    const file = join(dir, 'inventory.csv');
    await writeFile(file, inventory);
    expect((await klarmeld('catalog', 'import-systems', file, '--dir', data, '--write')).exit).toBe(1);
    const text = await readFile(join(data, 'systems.yaml'), 'utf8');
    expect(text).toContain("# Reproduces KOMBIT's example tilslutningsrapport");
    const { catalog, problems } = await loadCatalog(data);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const y14 = catalog.systems.find((s) => s.id === 'jobcenter-y14-eksempel')!;
    expect(y14.municipalities).toHaveLength(14);
    expect(y14.useCases).toEqual(['Y14.II.1', 'Y14.II.2']);
    expect(y14.statuses).toHaveLength(15);
    expect(y14.inventory).toEqual({ source: 'inventory.csv', row: 2, columns: { Kontaktperson: 'Hanne' } });
    const added = catalog.systems.find((s) => s.id === 'nyt-jobsystem')!;
    expect(added).toMatchObject({
      name: 'Nyt Jobsystem',
      supplier: '12345678',
      areas: ['Y14'],
      useCases: ['Y14.II.2'],
      municipalities: ['29189420', '29189846'],
      userSystemUuidDerived: true,
      fictional: false,
      inventory: {
        source: 'inventory.csv',
        row: 3,
        columns: { Kontaktperson: 'Jens' },
        unresolved: { 'Anvender kommuner': ['Gotham Kommune'] },
      },
    });
    expect(catalog.suppliers.find((s) => s.cvr === '12345678')).toMatchObject({ name: 'Ny Leverandør A/S' });
    expect(catalog.systems.filter((s) => s.id !== 'nyt-jobsystem').map((s) => s.id)).toEqual(
      (await loadCatalog()).catalog.systems.map((s) => s.id),
    );

    const again = JSON.parse((await klarmeld('catalog', 'import-systems', file, '--dir', data, '--json')).stdout);
    expect([again.added.length, again.updated.length, again.unchanged]).toEqual([
      0,
      0,
      ['jobcenter-y14-eksempel', 'nyt-jobsystem'],
    ]);
  });

  it('reads the first sheet of an xlsx workbook with plain English headers', async () => {
    const { dir, data } = await setup();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Systems');
    sheet.addRow(['System', 'Supplier', 'CVR', 'Areas', 'Municipalities']);
    sheet.addRow(['Regnskab 2000', 'Tal ApS', 87654321, 'Y67 Økonomi', 'Viborg; 55133018']);
    const file = join(dir, 'inventory.xlsx');
    await workbook.xlsx.writeFile(file);
    const { exit, stdout } = await klarmeld('catalog', 'import-systems', file, '--dir', data, '--json');
    expect(exit).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.added[0]).toMatchObject({
      id: 'regnskab-2000',
      supplier: '87654321',
      areas: ['Y67'],
      municipalities: ['29189846', '55133018'],
    });
  });
});
