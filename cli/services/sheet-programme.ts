/**
 * The programme level of `klarmeld sheet`: a system's place in KOMBIT's onboarding programme
 * set by hand (`sheet programme`), a supplier contesting KOMBIT's estimate (`sheet contest`,
 * recorded as "Leverandøren er ikke enig") and KOMBIT's decision (`sheet decide`), and the
 * overview (counts per category) that `sheet show` and the site give. Always appended, with
 * history.
 */
import { existsSync } from 'node:fs';
import type { Catalog } from '../../catalog/index.ts';
import { findSystem, requiredIntegrations } from '../../catalog/index.ts';
import {
  appendContestEvent,
  appendProgrammeEvent,
  contestEvents,
  contestReason,
  findCategory,
  findReason,
  programmeCategories,
  programmeEvents,
  programmeOverview,
  programmeReasons,
  SheetStore,
  type ContestEvent,
  type ProgrammeEvent,
  type ProgrammeOverview,
} from '../../conformance/onboarding/index.ts';
import { SheetRequestError } from './sheet-views.ts';

function withStore<T>(sheetPath: string, work: (store: SheetStore) => T): T {
  const store = SheetStore.open(sheetPath);
  try {
    return work(store);
  } finally {
    store.close();
  }
}

export interface ProgrammeRequest {
  system: string;
  /** A category code or KOMBIT's label, or "auto" to derive it from the cells again. */
  category: string;
  round?: string;
  reason?: string;
  note?: string;
  actor: string;
}

export function setProgramme(
  catalog: Catalog,
  sheetPath: string,
  request: ProgrammeRequest,
  clock = () => new Date(),
): ProgrammeEvent {
  const system = findSystem(catalog, request.system);
  if (!system)
    throw new SheetRequestError(
      `There is no SKI system "${request.system}" in the catalogue. Run "klarmeld catalog systems" or check systems.yaml.`,
    );
  const auto = request.category.trim().toLowerCase() === 'auto';
  const category = auto ? undefined : findCategory(request.category);
  if (!auto && !category) {
    throw new SheetRequestError(
      `"${request.category}" is not a category of KOMBIT's onboarding programme. Use one of: ${programmeCategories.map((c) => `${c.code} ("${c.label}")`).join(', ')}, or auto to derive it from the cells.`,
    );
  }
  const round = request.round === undefined ? undefined : Number(request.round);
  if (round !== undefined && (!Number.isInteger(round) || round < 1 || !category?.round)) {
    throw new SheetRequestError(
      `--round takes a whole number and goes with "${programmeCategories.find((c) => c.round)!.label}" only.`,
    );
  }
  const reason = request.reason === undefined ? undefined : findReason(request.reason);
  if (request.reason !== undefined && !reason) {
    throw new SheetRequestError(
      `"${request.reason}" is not one of KOMBIT's reasons. Use one of: ${programmeReasons.map((r) => `"${r}"`).join(', ')}; say more with --note.`,
    );
  }
  return withStore(sheetPath, (store) =>
    appendProgrammeEvent(
      store,
      {
        system: system.id,
        category: category?.code ?? '',
        ...(round !== undefined ? { round } : {}),
        ...(reason ? { reason } : {}),
        ...(request.note ? { note: request.note } : {}),
        actor: request.actor,
      },
      clock(),
    ),
  );
}

export interface ContestRequest {
  system: string;
  integration: string;
  /** The supplier's reason, in its own words. */
  reason: string;
  actor: string;
}

/** A supplier contests KOMBIT's estimate that its system must (or may) connect to an integration. */
export function contestEstimate(
  catalog: Catalog,
  sheetPath: string,
  request: ContestRequest,
  clock = () => new Date(),
): ContestEvent {
  const system = findSystem(catalog, request.system);
  if (!system) throw new SheetRequestError(`There is no SKI system "${request.system}" in the catalogue.`);
  const integration = request.integration.toUpperCase();
  const estimate = requiredIntegrations(catalog, system.id).find((r) => r.integration === integration);
  if (!estimate)
    throw new SheetRequestError(
      `KOMBIT's estimate does not list ${integration} for ${system.name} (klarmeld catalog required ${system.id}): there is nothing to contest.`,
    );
  if (!request.reason.trim())
    throw new SheetRequestError(
      'Say why with --reason "…": the contest is recorded as "Leverandøren er ikke enig" with your reason.',
    );
  return withStore(sheetPath, (store) =>
    appendContestEvent(
      store,
      {
        system: system.id,
        integration,
        kind: 'contest',
        reason: `${contestReason}: ${request.reason.trim()}`,
        actor: request.actor,
      },
      clock(),
    ),
  );
}

/** KOMBIT decides an open contest: it keeps its estimate (upheld) or changes it (changed; the catalogue is then edited). */
export function decideContest(
  catalog: Catalog,
  sheetPath: string,
  request: ContestRequest & { decision: string },
  clock = () => new Date(),
): ContestEvent {
  const system = findSystem(catalog, request.system);
  if (!system) throw new SheetRequestError(`There is no SKI system "${request.system}" in the catalogue.`);
  const integration = request.integration.toUpperCase();
  const decision = request.decision === 'upheld' || request.decision === 'changed' ? request.decision : undefined;
  if (!decision)
    throw new SheetRequestError(
      `Decide with upheld (KOMBIT keeps its estimate) or changed (KOMBIT changes it), not "${request.decision}".`,
    );
  return withStore(sheetPath, (store) => {
    const latest = contestEvents(store, system.id)
      .filter((c) => c.integration === integration)
      .at(-1);
    if (latest?.kind !== 'contest')
      throw new SheetRequestError(`There is no open contest of ${integration} for ${system.name}.`);
    return appendContestEvent(
      store,
      {
        system: system.id,
        integration,
        kind: 'decision',
        decision,
        reason: request.reason.trim() || '(no reason given)',
        actor: request.actor,
      },
      clock(),
    );
  });
}

/** The programme overview of the sheet at `sheetPath` (the catalogue alone when there is no file). */
export function sheetProgramme(catalog: Catalog, sheetPath: string): ProgrammeOverview {
  if (!existsSync(sheetPath)) return programmeOverview(catalog, []);
  return withStore(sheetPath, (store) =>
    programmeOverview(catalog, store.current(), programmeEvents(store), contestEvents(store)),
  );
}

/** Contests of one system, oldest first, for the report. */
export function systemContests(sheetPath: string, system: string): ContestEvent[] {
  if (!existsSync(sheetPath)) return [];
  return withStore(sheetPath, (store) => contestEvents(store, system));
}
