/**
 * The write side of `klarmeld sheet`: set one status by hand, import a workbook, export one.
 * Every change is checked against the catalogue first and appended in one transaction.
 */
import type { Catalog } from '../../catalog/index.ts';
import {
  checkEvent,
  importWorkbook,
  readWord,
  SheetStore,
  type EventProblem,
  type SheetImport,
  type StatusEvent,
} from '../../conformance/onboarding/index.ts';

export interface SetRequest {
  system: string;
  integration: string;
  /** KOMBIT's word in any spelling ("Delvist", "Forløb 3", "1. Ja"), klarmeld's code or mark. */
  status: string;
  reason?: string;
  actor: string;
}

/** Appends one manual event with the word as KOMBIT writes it, or returns the problems and appends nothing. */
export function setStatus(
  catalog: Catalog,
  sheetPath: string,
  request: SetRequest,
): { event?: StatusEvent; problems: EventProblem[] } {
  const read = readWord(catalog.statuses, request.status);
  if ('problem' in read) return { problems: [{ code: 'unknown-status', message: read.problem }] };
  const status = 'code' in read ? read.code : '';
  const word = 'code' in read ? read.word : '';
  const reason = request.reason?.trim() || undefined;
  const event = { system: request.system, integration: request.integration.toUpperCase(), status, word, reason };
  const problems = checkEvent(catalog, event);
  if (problems.length > 0) return { problems };
  const store = SheetStore.open(sheetPath);
  try {
    return { event: store.append([{ ...event, actor: request.actor, source: 'manual' }])[0], problems: [] };
  } finally {
    store.close();
  }
}

export type ImportOutcome = SheetImport;

/**
 * Reads a workbook in KOMBIT's layout; with `dryRun` only says what would change. Cells it
 * cannot map are kept verbatim and listed; only an unreadable workbook changes nothing.
 */
export async function importSheet(
  catalog: Catalog,
  sheetPath: string,
  file: string,
  actor: string,
  options: { dryRun?: boolean } = {},
): Promise<ImportOutcome> {
  const store = SheetStore.open(sheetPath);
  try {
    return await importWorkbook(store, catalog, file, actor, options);
  } finally {
    store.close();
  }
}

/** `klarmeld sheet export --xlsx FILE`. */
export { exportSheetFile as exportSheet, type ExportOutcome } from '../../conformance/onboarding/index.ts';
