/**
 * The programme's part of the sheet on PostgreSQL: a system's place set by KOMBIT (with one of
 * KOMBIT's reasons) and the contests of KOMBIT's estimate with KOMBIT's decisions, append-only
 * as in the SQLite sheet (programme-events.ts), with the same records.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import {
  contestEventFromRow,
  programmeEventFromRow,
  type ContestEvent,
  type ProgrammeEvent,
} from '../../conformance/onboarding/index.ts';
import { asSqliteRow } from './postgres-rows.ts';

// The rows read as the SQLite sheet reads them: one mapping from row to event, in the onboarding code.
const toProgramme = (raw: Record<string, unknown>): ProgrammeEvent => programmeEventFromRow(asSqliteRow(raw));
const toContest = (raw: Record<string, unknown>): ContestEvent => contestEventFromRow(asSqliteRow(raw));

export function postgresProgramme(pool: pg.Pool, clock: () => Date) {
  return {
    async appendProgrammeEvent(event: Omit<ProgrammeEvent, 'seq' | 'id' | 'at'>): Promise<ProgrammeEvent> {
      const { rows } = await pool.query(
        'INSERT INTO programme_events (id, system, category, round, reason, note, actor, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *',
        [
          randomUUID(),
          event.system,
          event.category,
          event.round ?? null,
          event.reason ?? null,
          event.note ?? null,
          event.actor,
          clock().toISOString(),
        ],
      );
      return toProgramme(rows[0]);
    },
    async programmeEvents(): Promise<ProgrammeEvent[]> {
      return (await pool.query('SELECT * FROM programme_events ORDER BY seq')).rows.map(toProgramme);
    },
    async appendContestEvent(event: Omit<ContestEvent, 'seq' | 'id' | 'at'>): Promise<ContestEvent> {
      const { rows } = await pool.query(
        'INSERT INTO contest_events (id, system, integration, kind, reason, decision, actor, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *',
        [
          randomUUID(),
          event.system,
          event.integration,
          event.kind,
          event.reason,
          event.decision ?? null,
          event.actor,
          clock().toISOString(),
        ],
      );
      return toContest(rows[0]);
    },
    async contestEvents(): Promise<ContestEvent[]> {
      return (await pool.query('SELECT * FROM contest_events ORDER BY seq')).rows.map(toContest);
    },
  };
}
