/**
 * The onboarding sheet's part of the server's store on PostgreSQL: the same behaviour as
 * SheetStore on SQLite (append-only events, a run recorded once, the current status as the
 * latest event of each pair, trusted platform keys), for many server instances at once.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import {
  checkTrustedKey,
  type NewStatusEvent,
  type NewTrustedPlatformKey,
  type RunAppend,
  type StatusEvent,
  type TrustedPlatformKey,
} from '../../conformance/onboarding/index.ts';
import { asSqliteRow, toStatusEvent } from './postgres-rows.ts';
import { transaction } from './postgres-transaction.ts';

/** Advisory lock class of "recording a run" (the run id's hash is the second key). */
const runLockClass = 7301;

const toKey = (raw: Record<string, unknown>): TrustedPlatformKey => {
  const r = asSqliteRow(raw);
  return {
    fingerprint: String(r.fingerprint),
    name: String(r.name),
    addedBy: String(r.added_by),
    addedAt: String(r.added_at),
  };
};

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

async function runEvents(db: Queryable, runId: string): Promise<StatusEvent[]> {
  const { rows } = await db.query("SELECT * FROM status_events WHERE evidence ->> 'runId' = $1 ORDER BY seq", [runId]);
  return rows.map(toStatusEvent);
}

/** Inserts the events in one statement (one round trip however many), all at the same time. */
async function insertEvents(db: Queryable, events: readonly NewStatusEvent[], at: string): Promise<StatusEvent[]> {
  if (events.length === 0) return [];
  const column = <T>(pick: (e: NewStatusEvent) => T) => events.map(pick);
  const { rows } = await db.query(
    `INSERT INTO status_events (id, system, integration, status, reason, actor, at, source, evidence, word)
     SELECT id, system, integration, status, reason, actor, $7::timestamptz, source, evidence, word
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $8::text[], $9::jsonb[], $10::text[])
         AS e (id, system, integration, status, reason, actor, source, evidence, word)
     RETURNING *`,
    [
      column(() => randomUUID()),
      column((e) => e.system),
      column((e) => e.integration),
      column((e) => e.status),
      column((e) => e.reason ?? null),
      column((e) => e.actor),
      at,
      column((e) => e.source),
      column((e) => (e.evidence ? JSON.stringify(e.evidence) : null)),
      column((e) => e.word ?? null),
    ],
  );
  return rows.map(toStatusEvent).sort((a, b) => a.seq - b.seq);
}

export function postgresSheet(pool: pg.Pool, clock: () => Date) {
  return {
    /**
     * Appends a run's events unless events of that run id are in the sheet. The run id's
     * advisory lock makes two instances recording the same run at once take turns, and the
     * second finds the first's events.
     */
    async appendRunEvents(runId: string, events: readonly NewStatusEvent[]): Promise<RunAppend> {
      return transaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [runLockClass, runId]);
        const earlier = await runEvents(client, runId);
        return earlier.length > 0
          ? { alreadyRecorded: earlier }
          : { appended: await insertEvents(client, events, clock().toISOString()) };
      });
    },
    async appendStatusEvent(event: NewStatusEvent): Promise<StatusEvent> {
      return (await insertEvents(pool, [event], clock().toISOString()))[0]!;
    },
    async currentStatuses(): Promise<StatusEvent[]> {
      return (await pool.query('SELECT * FROM current_status ORDER BY system, integration')).rows.map(toStatusEvent);
    },
    async sheetHistory(systemId?: string): Promise<StatusEvent[]> {
      const { rows } =
        systemId === undefined
          ? await pool.query('SELECT * FROM status_events ORDER BY seq')
          : await pool.query('SELECT * FROM status_events WHERE system = $1 ORDER BY seq', [systemId]);
      return rows.map(toStatusEvent);
    },
    /** Trusts a key; one already trusted keeps its first entry (`added` false), as in SheetStore. */
    async trustPlatformKey(key: NewTrustedPlatformKey): Promise<{ key: TrustedPlatformKey; added: boolean }> {
      const entry = checkTrustedKey(key);
      const inserted = await pool.query(
        'INSERT INTO trusted_platform_keys (fingerprint, name, added_by, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT (fingerprint) DO NOTHING RETURNING *',
        [entry.fingerprint, entry.name, entry.addedBy, clock().toISOString()],
      );
      if (inserted.rows[0]) return { key: toKey(inserted.rows[0]), added: true };
      const { rows } = await pool.query('SELECT * FROM trusted_platform_keys WHERE fingerprint = $1', [
        entry.fingerprint,
      ]);
      return { key: toKey(rows[0]), added: false };
    },
    async trustedPlatformKeys(): Promise<TrustedPlatformKey[]> {
      return (await pool.query('SELECT * FROM trusted_platform_keys ORDER BY added_at, fingerprint')).rows.map(toKey);
    },
  };
}
