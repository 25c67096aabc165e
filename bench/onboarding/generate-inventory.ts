/**
 * KOMBIT's system inventory at its scale (seeds/002_…: "Ca. 230 SKI-systemer der har forpligtet
 * sig til at anvende infrastrukturen"): a CSV in the connection report's words, one row per
 * system, with real municipalities and the catalogue's areas and use cases, and a workbook in
 * KOMBIT's sheet layout (a row per system, a column per integration, cells in KOMBIT's words).
 * Every system and supplier here is made up (marked "Eksempel: ja" in the inventory).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Catalog } from '../../catalog/catalog.ts';

const csvCell = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The inventory as CSV (semicolons, as Danish Excel writes it); returns the systems' names and suppliers. */
export async function writeInventory(
  file: string,
  catalog: Catalog,
  systems: number,
): Promise<{ name: string; supplier: string }[]> {
  const useCases = catalog.areas.flatMap((a) => a.useCases.map((u) => ({ area: a, useCase: u })));
  const municipalities = catalog.municipalities.filter((m) => !m.test);
  const rows = [
    [
      'SKI System navn',
      'Leverandør',
      'Leverandør CVR',
      'SKI Ydelsesområde',
      'SKI Use case(s)',
      'Anvender kommuner',
      'Kilde',
      'Eksempel',
    ],
  ];
  const list: { name: string; supplier: string }[] = [];
  for (let i = 0; i < systems; i++) {
    const { area, useCase } = useCases[i % useCases.length]!;
    const supplier = 80000000 + (i % 60);
    const users = Array.from(
      { length: 1 + ((i * 7) % 40) },
      (_, k) => municipalities[(i * 13 + k * 5) % municipalities.length]!.name,
    );
    const name = `Fagsystem ${String(i + 1).padStart(3, '0')}`;
    list.push({ name, supplier: String(supplier) });
    rows.push([
      name,
      `Eksempelleverandør ${i % 60} A/S`,
      String(supplier),
      `${area.id} ${area.name}`,
      `${useCase.id}: ${useCase.title}`,
      [...new Set(users)].join('; '),
      ['SKI', 'ADM', 'KITOS'][i % 3]!,
      'ja',
    ]);
  }
  await writeFile(file, `${rows.map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`);
  return list;
}

/** Title-only integrations so the sheet has `count` columns (KOMBIT's 18 first, then the rest). */
export async function writeExtraIntegrations(dataDir: string, catalog: Catalog, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; catalog.integrations.length + ids.length < count; n++) {
    const id = `SF${9100 + n}`;
    ids.push(id);
    await writeFile(
      join(dataDir, 'integrations', `${id}.yaml`),
      [
        '$schema: ../../schema/generated/integration.schema.json',
        `id: ${id}`,
        `title: "Benchintegration ${n + 1}"`,
        'publicInformation: kun-titel',
        'sources:',
        '  - "Made up by bench/onboarding to reach 40 integrations; not KOMBIT\'s"',
        '',
      ].join('\n'),
    );
  }
  return ids;
}

const words = ['Klarmeldt', 'Delvis', 'Forløb 3', 'Irrelevant', 'Ensidig', 'Nej', 'Klarmeldt', 'Delvist', ''];

/** A workbook in KOMBIT's layout: System, Leverandør, then one column per integration. */
export async function writeKombitWorkbook(
  file: string,
  systems: { name: string; supplier: string }[],
  integrations: { id: string; header: string }[],
): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Onboarding');
  sheet.addRow(['System', 'Leverandør', ...integrations.map((i) => i.header)]);
  let cells = 0;
  systems.forEach((s, r) => {
    const row = integrations.map((_, c) => words[(r * 3 + c) % words.length]!);
    cells += row.filter(Boolean).length;
    sheet.addRow([s.name, s.supplier, ...row]);
  });
  await workbook.xlsx.writeFile(file);
  return cells;
}
