/** The klarmelding status of one system × integration, as the onboarding sheet records it. */
export interface ReadinessEntry {
  /** The sheet's event id, so a page can link the current status to its place in the history. */
  id?: string;
  system: string;
  integration: string;
  /** Status code from the catalogue's vocabulary. */
  status: string;
  reason?: string;
  /** When the status was set (ISO date-time). */
  at?: string;
  actor?: string;
  /** The run that backs the status, when there is one. */
  evidence?: { runId: string; digest?: string; keyFingerprint?: string; shallTotal?: number; shallPassed?: number };
}

/** Where the statuses came from: a sheet, no sheet configured, no file at the configured path, or a sheet that could not be read. */
export type ReadinessSource =
  | { kind: 'sheet'; path: string }
  | { kind: 'none' }
  | { kind: 'missing'; path: string }
  | { kind: 'unreadable'; path: string; problem: string };

export interface Readiness {
  source: ReadinessSource;
  entries: ReadinessEntry[];
  /** Every event of a system, oldest first: how its statuses came about. */
  historyOf(system: string): ReadinessEntry[];
  /** The current status of a system × integration, if the sheet has one. */
  of(system: string, integration: string): ReadinessEntry | undefined;
}

export function readinessFrom(source: ReadinessSource, entries: ReadinessEntry[], history: ReadinessEntry[] = []): Readiness {
  const byKey = new Map(entries.map((e) => [`${e.system}\u0000${e.integration}`, e]));
  const bySystem = new Map<string, ReadinessEntry[]>();
  for (const event of history) {
    const list = bySystem.get(event.system);
    if (list) list.push(event);
    else bySystem.set(event.system, [event]);
  }
  return {
    source,
    entries,
    historyOf: (system) => bySystem.get(system) ?? [],
    of: (system, integration) => byKey.get(`${system}\u0000${integration}`),
  };
}
