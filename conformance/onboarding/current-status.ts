/**
 * The current klarmelding status of every system × integration, and where it comes from. Every
 * reader (`sheet show`, the connection report, the Excel export and import, the site) asks this
 * one function, so none of them can disagree: the sheet's latest event for a pair wins; where the
 * sheet has none, the status KOMBIT recorded by hand in the catalogue (systems.yaml `statuses`).
 * A catalogue declaration has no date, actor or evidence: the catalogue does not record them.
 */
import type { Catalog } from '../../catalog/index.ts';
import { currentOf } from './current-of.ts';
import { backingOf, type Backing } from './declaration-backing.ts';
import { defaultWord, type Vocabulary } from './kombit-words.ts';
import type { EventEvidence, EventSource, StatusEvent } from './status-event.ts';
import { shownByRun } from './status-from-run.ts';

interface StatusOfPair {
  system: string;
  integration: string;
  /** A code of the catalogue's onboarding vocabulary (catalog.statuses); '' for a cell KOMBIT left blank. */
  status: string;
  /** The cell's word as KOMBIT writes it ("Delvist", "Forløb 3"); '' for a blank cell. */
  word: string;
  reason?: string;
  /** What backs the declaration: nothing, a run on the supplier's own platform, a run on a platform KOMBIT trusts. */
  backing: Backing;
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

/**
 * Before issue 11 klarmeld recorded a run under an untrusted key as `ensidig`, a word of
 * KOMBIT's it had given a meaning of its own. Such an event reads as what the run showed (its
 * counts are in the evidence); the key is in the evidence already. The stored event is unchanged.
 */
function declaredStatus(event: StatusEvent): { status: string; reason?: string } {
  const e = event.evidence;
  if (
    event.source === 'run' &&
    event.status === 'ensidig' &&
    e &&
    e.keyTrusted !== true &&
    e.shallTotal !== undefined
  ) {
    return {
      status: shownByRun({
        shallTotal: e.shallTotal,
        shallPassed: e.shallPassed ?? 0,
        shallPassedWithEvidence: e.shallPassedWithEvidence ?? 0,
      }),
    };
  }
  return { status: event.status, ...(event.reason !== undefined ? { reason: event.reason } : {}) };
}

/** The word of a status when the event or declaration does not carry one. */
function wordFor(vocabulary: Vocabulary, status: string, round?: number): string {
  if (!status) return '';
  const known = vocabulary.find((s) => s.code === status);
  return known ? defaultWord(known, round) : status;
}

/** The status a sheet event sets, in the shape every reader shares. */
export function statusOfEvent(event: StatusEvent, vocabulary: Vocabulary = []): SheetStatus {
  const declared = declaredStatus(event);
  const legacy = declared.status !== event.status;
  return {
    system: event.system,
    integration: event.integration,
    ...declared,
    word: !legacy && event.word !== undefined ? event.word : wordFor(vocabulary, declared.status),
    backing: backingOf(event.evidence),
    source: event.source,
    eventId: event.id,
    at: event.at,
    actor: event.actor,
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
  for (const event of currentOf(events))
    byPair.set(key(event.system, event.integration), statusOfEvent(event, catalog.statuses));
  for (const system of catalog.systems) {
    for (const declared of system.statuses ?? []) {
      const pair = key(system.id, declared.integration);
      if (byPair.has(pair)) continue;
      byPair.set(pair, {
        system: system.id,
        integration: declared.integration,
        status: declared.status,
        word: wordFor(catalog.statuses, declared.status, declared.round),
        ...(declared.reason !== undefined ? { reason: declared.reason } : {}),
        backing: { kind: 'none' },
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
