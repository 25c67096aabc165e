/**
 * The onboarding sheet KOMBIT shows in seeds/002 (slide "ONBOARDINGSPROGRAMMET HOLDER STYR PÅ
 * ENKELTINTEGRATIONERNE"), reproduced as a workbook in KOMBIT's layout: its 18 column headers
 * verbatim and its 11 rows of cells word for word. KOMBIT redacted the systems' names, so the
 * caller names the rows (a test gives catalogue systems, to be mapped, or unknown ones, to be
 * kept). Run it to write the workbook:
 *   npx node conformance/onboarding/testing/kombit-sheet-fixture.ts out.xlsx
 */
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { kombitColumns } from '../kombit-columns.ts';

/** The 11 rows of seeds/002, '' for a blank cell, in KOMBIT's column order. */
export const seedRows: readonly (readonly string[])[] = [
  [
    '',
    '',
    '',
    '',
    'Delvis',
    'Forløb 3',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    'Irrelevant',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    '',
    '',
    '',
    '',
    '',
  ],
  ['Irrelevant', '', 'Irrelevant', '', '', '', '', '', '', 'Irrelevant', 'Irrelevant', '', '', '', '', '', '', ''],
  [
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    '',
    '',
    'Ensidig',
    'Irrelevant',
    'Ensidig',
    'Irrelevant',
    'Klarmeldt',
    'Ensidig',
    '',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    'Irrelevant',
  ],
  [
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    '',
    '',
    'Ensidig',
    'Klarmeldt',
    'Ensidig',
    'Irrelevant',
    'Klarmeldt',
    'Ensidig',
    '',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    'Irrelevant',
  ],
  ['', '', '', '', '', '', '', 'Klarmeldt', '', '', '', '', '', 'Klarmeldt', 'Klarmeldt', 'Klarmeldt', 'Klarmeldt', ''],
  ['', '', '', '', '', '', '', 'Klarmeldt', '', '', '', '', '', 'Klarmeldt', 'Klarmeldt', 'Klarmeldt', 'Klarmeldt', ''],
  ['', '', '', '', '', '', '', 'Klarmeldt', '', '', '', '', '', 'Klarmeldt', 'Klarmeldt', 'Klarmeldt', 'Klarmeldt', ''],
  [
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    'Delvist',
    '',
    'Ensidig',
    'Klarmeldt',
    'Ensidig',
    'Nej',
    'Klarmeldt',
    'Ensidig',
    'Ensidig',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    'Nej',
  ],
  [
    'Nej',
    'Nej',
    'Nej',
    'Nej',
    'Klarmeldt',
    '',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    'Nej',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    '',
    'Klarmeldt',
    '',
    '',
    'Nej',
  ],
  [
    'Klarmeldt',
    'Nej',
    'Nej',
    '',
    'Klarmeldt',
    '',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    'Irrelevant',
    'Klarmeldt',
    'Klarmeldt',
    'Irrelevant',
    '',
    'Klarmeldt',
    '',
    '',
    'Irrelevant',
  ],
  [
    'Klarmeldt',
    'Klarmeldt',
    'Irrelevant',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    '',
    'Klarmeldt',
    'Klarmeldt',
    'Klarmeldt',
    'Forløb 3',
    'Forløb 3',
    'Forløb 3',
    'Forløb 3',
    'Irrelevant',
  ],
];

export interface FixtureRow {
  system: string;
  supplier: string;
  cells: readonly string[];
  /** More columns KOMBIT's sheet may have, by header. */
  more?: Record<string, string>;
}

/** Writes a workbook in KOMBIT's layout: "SKI System", "Leverandør", the 18 headers, then `moreHeaders`. */
export async function writeKombitWorkbook(
  file: string,
  rows: readonly FixtureRow[],
  moreHeaders: readonly string[] = [],
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Onboarding');
  sheet.addRow(['SKI System', 'Leverandør', ...kombitColumns.map((c) => c.header), ...moreHeaders]);
  for (const row of rows) {
    sheet.addRow([
      row.system,
      row.supplier,
      ...row.cells.map((c) => c || null),
      ...moreHeaders.map((h) => row.more?.[h] ?? null),
    ]);
  }
  await workbook.xlsx.writeFile(file);
}

/** The seed's rows named "System 1" … "System 11" (KOMBIT redacted them) by "[REDACTED]". */
export const redactedSeedRows = (): FixtureRow[] =>
  seedRows.map((cells, i) => ({ system: `System ${i + 1}`, supplier: '[REDACTED]', cells }));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? 'kombit-onboarding-sheet.xlsx';
  await writeKombitWorkbook(out, redactedSeedRows());
  console.log(`Wrote ${out}: KOMBIT's onboarding sheet from seeds/002, 11 rows × 18 integrations.`);
}
