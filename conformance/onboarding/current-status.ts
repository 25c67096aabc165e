/**
 * The current klarmelding status of every system × integration, and where it comes from. Every
 * reader (`sheet show`, the connection report, the Excel export and import, the site) asks this
 * one function, so none of them can disagree: the sheet's latest event for a pair wins; where the
 * sheet has none, the status KOMBIT recorded by hand in the catalogue (systems.yaml `statuses`).
 * A catalogue declaration has no date, actor or evidence: the catalogue does not record them.
 */
import type { Catalog } from '../../catalog/catalog.ts';
import { currentOf } from './current-of.ts';
import type { EventEvidence, EventSource, StatusEvent } from './status-event.ts';

interface StatusOfPair {
  system: string;
  integration: string;
  /** A code of the catalogue's onboarding vocabulary (catalog.statuses). */
  status: string;
  reason?: string;
}

/** A status the sheet recorded: with its event, time, actor and (for a run) evidence. */
export interface SheetStatus extends StatusOfPair {
  source: EventSource;
  eventId: string;
  /** ISO 8601, UTC. */
  at: string;
  actor: string;
  evidence?: EventEvidence;
}

/** A status KOMBIT declared by hand in the catalogue; used only where the sheet has no event. */
export interface DeclaredStatus extends StatusOfPair {
  source: 'catalogue';
}

export type CurrentStatus = SheetStatus | DeclaredStatus;

export interface CurrentStatuses {
  /** Every current status: the sheet's, then the catalogue declarations the sheet does not override. */
  all: CurrentStatus[];
  of(system: string, integration: string): CurrentStatus | undefined;
  /** A system's current statuses, in the order of `all`. */
  ofSystem(system: string): CurrentStatus[];
}

/** The status a sheet event sets, in the shape every reader shares. */
export function statusOfEvent(event: StatusEvent): SheetStatus {
  return {
    system: event.system, integration: event.integration, status: event.status,
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
    source: event.source, eventId: event.id, at: event.at, actor: event.actor,
    ...(event.evidence ? { evidence: event.evidence } : {}),
  };
}

const key = (system: string, integration: string) => `${system}\u0000${integration}`;

/**
 * The current statuses from the catalogue and the sheet's events: its current view
 * (`SheetStore.current()`) or its whole history, since only the latest event of each pair
 * counts. Pass no events when there is no sheet.
 */
export function currentStatuses(catalog: Catalog, events: readonly StatusEvent[] = []): CurrentStatuses {
  const byPair = new Map<string, CurrentStatus>();
  for (const event of currentOf(events)) byPair.set(key(event.system, event.integration), statusOfEvent(event));
  for (const system of catalog.systems) {
    for (const declared of system.statuses ?? []) {
      const pair = key(system.id, declared.integration);
      if (byPair.has(pair)) continue;
      byPair.set(pair, {
        system: system.id, integration: declared.integration, status: declared.status,
        ...(declared.reason !== undefined ? { reason: declared.reason } : {}),
        source: 'catalogue',
      });
    }
  }
  const all = [...byPair.values()];
  const bySystem = new Map<string, CurrentStatus[]>();
  for (const status of all) {
    const list = bySystem.get(status.system);
    if (list) list.push(status);
    else bySystem.set(status.system, [status]);
  }
  return {
    all,
    of: (system, integration) => byPair.get(key(system, integration)),
    ofSystem: (system) => bySystem.get(system) ?? [],
  };
}
