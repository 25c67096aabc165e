/**
 * The workbook layout shared by export and import: worksheet names, the fixed columns before
 * the integrations, and how a cell writes a status with its reason ("Label: reason").
 */
export const matrixSheetName = 'Klarmelding';
export const historySheetName = 'Historik';

/** Columns before the integration columns, in order. The first holds the system id. */
export const fixedColumns = ['System', 'Navn', 'Leverandør CVR', 'Leverandør', 'Ydelsesområder'] as const;

export const historyColumns = ['Nr.', 'Tidspunkt', 'System', 'Integration', 'Status', 'Statuskode', 'Begrundelse', 'Aktør', 'Kilde', 'Kørsel', 'Digest'] as const;

/** Labels never contain ": ", so the first one separates the label from the reason. */
export const reasonSeparator = ': ';

export function cellText(label: string, reason: string | undefined): string {
  return reason ? `${label}${reasonSeparator}${reason}` : label;
}

export function parseCellText(text: string): { status: string; reason?: string } {
  const at = text.indexOf(reasonSeparator);
  if (at < 0) return { status: text.trim() };
  return { status: text.slice(0, at).trim(), reason: text.slice(at + reasonSeparator.length).trim() || undefined };
}

/** ARGB as exceljs wants it, from #rrggbb. */
export const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
