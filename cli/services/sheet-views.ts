/**
 * The read side of `klarmeld sheet`: the matrix, a system's history and its connection report.
 * A missing sheet file is not an error: the views then show what the catalogue alone knows.
 */
import { existsSync } from 'node:fs';
import type { Catalog } from '../../catalog/index.ts';
import { findSystem } from '../../catalog/index.ts';
import {
  backingOf,
  buildConnectionReport,
  contestEvents,
  programmeEvents,
  buildMatrix,
  latestKeptCells,
  markOf,
  SheetStore,
  statusByCodeOrLabel,
  type Backing,
  type ConnectionReport,
  type ContestEvent,
  type ProgrammeEvent,
  type KeptCell,
  type MatrixFilter,
  type SheetMatrix,
  type StatusEvent,
} from '../../conformance/onboarding/index.ts';

/** A request the catalogue cannot answer (unknown system, status …): the command turns it into exit 2. */
export class SheetRequestError extends Error {
  override name = 'SheetRequestError';
}

function withSheet<T>(path: string, read: (store: SheetStore) => T, otherwise: T): T {
  if (!existsSync(path)) return otherwise;
  const store = SheetStore.open(path);
  try {
    return read(store);
  } finally {
    store.close();
  }
}

export interface MatrixView extends SheetMatrix {
  sheetPath: string;
  sheetExists: boolean;
  /** What the latest import could not map, verbatim (unknown systems, columns, words). */
  kept: KeptCell[];
}

export function sheetMatrix(catalog: Catalog, sheetPath: string, filter: MatrixFilter): MatrixView {
  let status = filter.status;
  if (status !== undefined) {
    const found = statusByCodeOrLabel(catalog, status);
    if (!found) {
      throw new SheetRequestError(
        `"${status}" is not a status. Use a code (${catalog.statuses.map((s) => markOf(s)).join(', ')}), one of KOMBIT's words or klarmeld's code (${catalog.statuses.map((s) => s.code).join(', ')}).`,
      );
    }
    status = found.code;
  }
  if (filter.area && !catalog.areas.some((a) => a.id === filter.area)) {
    throw new SheetRequestError(
      `There is no service area "${filter.area}". Use an id such as ${catalog.areas[0]?.id ?? 'Y14'}.`,
    );
  }
  const { current, kept } = withSheet(
    sheetPath,
    (store) => ({ current: store.current(), kept: latestKeptCells(store) }),
    { current: [] as StatusEvent[], kept: [] as KeptCell[] },
  );
  return {
    ...buildMatrix(catalog, current, { ...filter, status }),
    sheetPath,
    sheetExists: existsSync(sheetPath),
    kept,
  };
}

export interface HistoryView {
  system: string;
  integration?: string;
  /** The system's place in the programme set by hand, and contests of KOMBIT's estimate: their history too. */
  programme: ProgrammeEvent[];
  contests: ContestEvent[];
  /** `label`: the cell's word as KOMBIT writes it ('' for a blank cell); `backing`: what backs it. */
  events: (StatusEvent & { label: string; backing: Backing })[];
}

export function sheetHistory(catalog: Catalog, sheetPath: string, systemId: string, integration?: string): HistoryView {
  const system = findSystem(catalog, systemId);
  const id = system?.id ?? systemId;
  const { events, programme, contests } = withSheet(
    sheetPath,
    (store) => ({
      events: store.history(id, integration),
      programme: integration ? [] : programmeEvents(store, id),
      contests: contestEvents(store, id).filter((c) => !integration || c.integration === integration),
    }),
    { events: [] as StatusEvent[], programme: [] as ProgrammeEvent[], contests: [] as ContestEvent[] },
  );
  if (!system && events.length === 0)
    throw new SheetRequestError(`There is no SKI system "${systemId}" in the catalogue or the sheet.`);
  const labels = new Map(catalog.statuses.map((s) => [s.code, s.label]));
  return {
    system: id,
    ...(integration ? { integration } : {}),
    programme,
    contests,
    events: events.map((e) => ({
      ...e,
      label: e.word ?? labels.get(e.status) ?? e.status,
      backing: backingOf(e.evidence),
    })),
  };
}

export function sheetReport(catalog: Catalog, sheetPath: string, systemId: string): ConnectionReport {
  const current = withSheet(sheetPath, (store) => store.current(), [] as StatusEvent[]);
  const report = buildConnectionReport(catalog, systemId, current);
  if (!report)
    throw new SheetRequestError(
      `There is no SKI system "${systemId}" in the catalogue. Run "klarmeld catalog systems" or check systems.yaml.`,
    );
  return report;
}
