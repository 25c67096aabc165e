/**
 * A system's place in the onboarding programme set by hand (KOMBIT's decision where the cells
 * cannot say it: "Administrativt fjernet", a round, a reason), and a supplier's contest of
 * KOMBIT's estimate with KOMBIT's decision. Both are append-only logs in the sheet's SQLite
 * file; the latest programme event of a system wins (category '' hands it back to the cells).
 */
import { randomUUID } from 'node:crypto';
import type { SheetStore } from './sheet-store.ts';

export interface ProgrammeEvent {
  seq: number;
  id: string;
  system: string;
  /** A programme category code, or '' for "derive it from the cells again". */
  category: string;
  round?: number;
  /** One of KOMBIT's reasons. */
  reason?: string;
  note?: string;
  actor: string;
  at: string;
}

export interface ContestEvent {
  seq: number;
  id: string;
  system: string;
  integration: string;
  kind: 'contest' | 'decision';
  /** The supplier's reason for a contest; KOMBIT's for a decision. */
  reason: string;
  /** A decision: KOMBIT keeps its estimate (upheld) or changes it (changed). */
  decision?: 'upheld' | 'changed';
  actor: string;
  at: string;
}

type Row = Record<string, string | number | null>;
const defined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;

export function appendProgrammeEvent(
  store: SheetStore,
  event: Omit<ProgrammeEvent, 'seq' | 'id' | 'at'>,
  at: Date,
): ProgrammeEvent {
  const row = store.database
    .prepare(
      'INSERT INTO programme_events (id, system, category, round, reason, note, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *',
    )
    .get(
      randomUUID(),
      event.system,
      event.category,
      event.round ?? null,
      event.reason ?? null,
      event.note ?? null,
      event.actor,
      at.toISOString(),
    ) as Row;
  return toProgramme(row);
}

export function programmeEvents(store: SheetStore, system?: string): ProgrammeEvent[] {
  const sql = `SELECT * FROM programme_events${system ? ' WHERE system = ?' : ''} ORDER BY seq`;
  return (store.database.prepare(sql).all(...(system ? [system] : [])) as Row[]).map(toProgramme);
}

export function appendContestEvent(
  store: SheetStore,
  event: Omit<ContestEvent, 'seq' | 'id' | 'at'>,
  at: Date,
): ContestEvent {
  const row = store.database
    .prepare(
      'INSERT INTO contest_events (id, system, integration, kind, reason, decision, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *',
    )
    .get(
      randomUUID(),
      event.system,
      event.integration,
      event.kind,
      event.reason,
      event.decision ?? null,
      event.actor,
      at.toISOString(),
    ) as Row;
  return toContest(row);
}

export function contestEvents(store: SheetStore, system?: string): ContestEvent[] {
  const sql = `SELECT * FROM contest_events${system ? ' WHERE system = ?' : ''} ORDER BY seq`;
  return (store.database.prepare(sql).all(...(system ? [system] : [])) as Row[]).map(toContest);
}

/** A programme_events row (either database, as SQLite gives it) as the event it records. */
export function toProgramme(r: Row): ProgrammeEvent {
  return defined({
    seq: Number(r.seq),
    id: String(r.id),
    system: String(r.system),
    category: String(r.category),
    round: r.round === null ? undefined : Number(r.round),
    reason: (r.reason as string | null) ?? undefined,
    note: (r.note as string | null) ?? undefined,
    actor: String(r.actor),
    at: String(r.at),
  });
}

/** A contest_events row (either database, as SQLite gives it) as the event it records. */
export function toContest(r: Row): ContestEvent {
  return defined({
    seq: Number(r.seq),
    id: String(r.id),
    system: String(r.system),
    integration: String(r.integration),
    kind: r.kind as ContestEvent['kind'],
    reason: String(r.reason),
    decision: (r.decision as ContestEvent['decision'] | null) ?? undefined,
    actor: String(r.actor),
    at: String(r.at),
  });
}
