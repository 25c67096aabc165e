import {
  statusOfEvent,
  type Backing,
  type ContestEvent,
  type ProgrammeEvent,
  type CurrentStatus,
  type CurrentStatuses,
  type EventSource,
  type StatusEvent,
} from '../../../conformance/onboarding/index.ts';

/** The klarmelding status of one system × integration, as the pages show it. */
export interface ReadinessEntry {
  /** The sheet's event id, so a page can link the current status to its place in the history. */
  id?: string;
  system: string;
  integration: string;
  /** Status code from the catalogue's vocabulary; '' for a cell KOMBIT left blank. */
  status: string;
  /** The cell's word as KOMBIT writes it ("Delvist", "Forløb 3"). */
  word: string;
  /** What backs the declaration: nothing, a run on the supplier's own platform, a run on a platform KOMBIT trusts. */
  backing: Backing;
  reason?: string;
  /** A sheet event (manual, run, import) or KOMBIT's declaration in the catalogue (systems.yaml). */
  source: EventSource | 'catalogue';
  /** When the sheet recorded the status (ISO date-time); a catalogue declaration has none. */
  at?: string;
  actor?: string;
  /** The run that backs the status, when there is one. */
  evidence?: { runId: string; digest?: string; keyFingerprint?: string; shallTotal?: number; shallPassed?: number };
}

/**
 * Where the sheet's statuses came from: the sheet, no file at its path (`isDefault` when
 * KLARMELD_SHEET did not name it), or a sheet that could not be read. The catalogue's
 * declarations are there in every case.
 */
export type ReadinessSource =
  | { kind: 'sheet'; path: string }
  | { kind: 'missing'; path: string; isDefault: boolean }
  | { kind: 'unreadable'; path: string; problem: string };

export interface Readiness {
  source: ReadinessSource;
  /** Every current status: the sheet's, then the catalogue's declarations it does not override. */
  entries: ReadinessEntry[];
  /** Every sheet event of a system, oldest first: how its statuses came about. */
  historyOf(system: string): ReadinessEntry[];
  /** The current status of a system × integration, as `klarmeld sheet` gives it. */
  of(system: string, integration: string): ReadinessEntry | undefined;
  /** The sheet's current events, its programme events (a system's place set by hand) and contests: for the programme overview. */
  sheet: { current: StatusEvent[]; programme: ProgrammeEvent[]; contests: ContestEvent[] };
}

function entryOf(status: CurrentStatus): ReadinessEntry {
  const common = {
    system: status.system,
    integration: status.integration,
    status: status.status,
    word: status.word,
    backing: status.backing,
    ...(status.reason !== undefined && { reason: status.reason }),
    source: status.source,
  };
  if (status.source === 'catalogue') return common;
  return {
    id: status.eventId,
    ...common,
    at: status.at,
    actor: status.actor,
    ...(status.evidence && { evidence: { ...status.evidence } }),
  };
}

/** The site's view of `currentStatuses` (the onboarding module's one answer) and of the sheet's history. */
export function readinessFrom(
  source: ReadinessSource,
  statuses: CurrentStatuses,
  history: readonly StatusEvent[] = [],
  sheet: Readiness['sheet'] = { current: [], programme: [], contests: [] },
): Readiness {
  const entryByStatus = new Map(statuses.all.map((s) => [s, entryOf(s)]));
  const bySystem = new Map<string, ReadinessEntry[]>();
  for (const event of history) {
    const entry = entryOf(statusOfEvent(event));
    const list = bySystem.get(event.system);
    if (list) list.push(entry);
    else bySystem.set(event.system, [entry]);
  }
  return {
    source,
    sheet,
    entries: [...entryByStatus.values()],
    historyOf: (system) => bySystem.get(system) ?? [],
    of: (system, integration) => {
      const found = statuses.of(system, integration);
      return found && entryByStatus.get(found);
    },
  };
}
