/**
 * The write side of `klarmeld sheet`: set one status by hand, import a workbook, export one.
 * Every change is checked against the catalogue first and appended in one transaction.
 */
import type { Catalog } from '../../catalog/catalog.ts';
import {
  checkEvent, planImport, readWorkbook, SheetStore, statusByCodeOrLabel,
  type EventProblem, type ImportProblem, type StatusEvent,
} from '../../conformance/onboarding/index.ts';

export interface SetRequest {
  system: string;
  integration: string;
  status: string;
  reason?: string;
  actor: string;
}

/** Appends one manual event, or returns the problems and appends nothing. */
export function setStatus(catalog: Catalog, sheetPath: string, request: SetRequest): { event?: StatusEvent; problems: EventProblem[] } {
  const status = statusByCodeOrLabel(catalog, request.status)?.code ?? request.status;
  const reason = request.reason?.trim() || undefined;
  const event = { system: request.system, integration: request.integration.toUpperCase(), status, reason };
  const problems = checkEvent(catalog, event);
  if (problems.length > 0) return { problems };
  const store = SheetStore.open(sheetPath);
  try {
    return { event: store.append([{ ...event, actor: request.actor, source: 'manual' }])[0], problems: [] };
  } finally {
    store.close();
  }
}

export interface ImportOutcome {
  file: string;
  rows: number;
  cells: number;
  /** Events appended (empty when there were problems). */
  events: StatusEvent[];
  problems: ImportProblem[];
}

/** Reads a workbook; on any problem appends nothing, otherwise one event per changed cell in one transaction. */
export async function importSheet(catalog: Catalog, sheetPath: string, file: string, actor: string): Promise<ImportOutcome> {
  const content = await readWorkbook(file, catalog);
  const outcome = { file, rows: content.rows, cells: content.cells.length, events: [] as StatusEvent[], problems: content.problems };
  if (content.problems.length > 0) return outcome;
  const store = SheetStore.open(sheetPath);
  try {
    const planned = planImport(catalog, store.current(), content.cells, actor);
    return { ...outcome, events: planned.length > 0 ? store.append(planned) : [] };
  } finally {
    store.close();
  }
}

/** `klarmeld sheet export --xlsx FILE`. */
export { exportSheetFile as exportSheet, type ExportOutcome } from '../../conformance/onboarding/index.ts';
