/**
 * The workbook layout shared by export and import: KOMBIT's (a row per SKI system with its name
 * and supplier, a column per integration headed as KOMBIT heads it, cells in KOMBIT's words),
 * plus klarmeld's sheets beside it (evidence, history).
 */
export const matrixSheetName = 'Klarmelding';
export const evidenceSheetName = 'Belæg';
export const historySheetName = 'Historik';

/** The columns klarmeld writes before the integrations: KOMBIT's row keys. */
export const fixedColumns = ['SKI System', 'Leverandør'] as const;

export const evidenceColumns = [
  'SKI System',
  'Leverandør',
  'Integration',
  'Ord',
  'Statuskode',
  'Belæg',
  'Kørsel',
  'Platformnøgle',
  'SHALL bestået',
  'Tidspunkt',
  'Kilde',
] as const;

export const historyColumns = [
  'Nr.',
  'Tidspunkt',
  'System',
  'Integration',
  'Ord',
  'Statuskode',
  'Belæg',
  'Begrundelse',
  'Aktør',
  'Kilde',
  'Kørsel',
  'Platformnøgle',
  'Digest',
] as const;

/** Headers that name the row's system (KOMBIT's sheet redacts its own; these are the usual ones). */
export const systemHeaders = [
  'ski system',
  'ski system navn',
  'ski-system',
  'system',
  'systemnavn',
  'system navn',
  'it-system',
  'fagsystem',
  'navn',
];
/** Headers that name the row's supplier, by name or CVR. */
export const supplierHeaders = ['leverandør', 'leverandørnavn', 'leverandør navn', 'leverandør cvr', 'cvr'];

/** A header as compared: lower case, single spaces. */
export const foldHeader = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** ARGB as exceljs wants it, from #rrggbb. */
export const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

export const columnLetter = (n: number): string =>
  n <= 0 ? '' : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));
