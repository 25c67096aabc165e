/**
 * The onboarding sheet on SQLite (node:sqlite). WAL lets readers work while a recorder writes;
 * busy_timeout makes concurrent recorders (50 processes recording at once) queue for the write
 * lock instead of failing; each append is one IMMEDIATE transaction, so a process killed while
 * recording leaves either all of its events or none.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { addWordColumnSql, sheetSchemaSql } from './sheet-schema.ts';
import type { EventEvidence, NewStatusEvent, StatusEvent } from './status-event.ts';
import {
  addTrustedKey,
  findTrustedKey,
  listTrustedKeys,
  type NewTrustedPlatformKey,
  type TrustedPlatformKey,
} from './trusted-platform-keys.ts';

/** What `appendRun` did: appended the run's events, or found the run already recorded and appended nothing. */
export type RunAppend = { appended: StatusEvent[] } | { alreadyRecorded: StatusEvent[] };

export interface SheetOptions {
  /** How long a writer waits for another writer before giving up; default 60 s. */
  busyTimeoutMs?: number;
  clock?: () => Date;
}

interface EventRow {
  seq: number;
  id: string;
  system: string;
  integration: string;
  status: string;
  reason: string | null;
  actor: string;
  at: string;
  source: StatusEvent['source'];
  evidence: string | null;
  word?: string | null;
}

function toEvent(row: EventRow): StatusEvent {
  return {
    seq: Number(row.seq),
    id: row.id,
    system: row.system,
    integration: row.integration,
    status: row.status,
    ...(row.reason !== null ? { reason: row.reason } : {}),
    actor: row.actor,
    at: row.at,
    source: row.source,
    ...(row.evidence !== null ? { evidence: JSON.parse(row.evidence) as EventEvidence } : {}),
    ...(row.word != null ? { word: row.word } : {}),
  };
}

const isBusy = (error: unknown) => /database is locked|SQLITE_BUSY/i.test(String((error as Error)?.message));

export class SheetStore {
  readonly path: string;
  private readonly db: DatabaseSync;
  private readonly clock: () => Date;

  private constructor(path: string, db: DatabaseSync, clock: () => Date) {
    this.path = path;
    this.db = db;
    this.clock = clock;
  }

  /** Opens the sheet at `path`, creating the file and its tables when missing. */
  static open(path: string, options: SheetOptions = {}): SheetStore {
    mkdirSync(dirname(path), { recursive: true });
    const timeout = options.busyTimeoutMs ?? 60_000;
    const db = new DatabaseSync(path, { timeout });
    db.exec(`PRAGMA busy_timeout = ${timeout}`);
    // Many processes may create the same new file at once; switching to WAL and creating the
    // tables can meet a lock the busy handler does not wait for, so retry until the deadline.
    const deadline = Date.now() + timeout;
    for (;;) {
      try {
        db.exec('PRAGMA journal_mode = WAL');
        db.exec('PRAGMA synchronous = NORMAL');
        db.exec('BEGIN IMMEDIATE');
        // A sheet from before version 3 lacks the word column; add it before the schema's view reads it.
        const columns = db.prepare("SELECT name FROM pragma_table_info('status_events')").all() as { name: string }[];
        if (columns.length > 0 && !columns.some((c) => c.name === 'word')) db.exec(addWordColumnSql);
        db.exec(`${sheetSchemaSql} COMMIT;`);
        break;
      } catch (error) {
        if (db.isTransaction) db.exec('ROLLBACK');
        if (!isBusy(error) || Date.now() > deadline) throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5 + Math.random() * 20);
      }
    }
    return new SheetStore(path, db, options.clock ?? (() => new Date()));
  }

  /** Appends events in one transaction: all of them are recorded, or none. */
  append(events: readonly NewStatusEvent[]): StatusEvent[] {
    return this.transaction(() => this.insert(events));
  }

  /**
   * Appends a conformance run's events unless events of that run id are already in the sheet;
   * the check and the insert share one IMMEDIATE transaction, so two processes recording the
   * same run at once record it once.
   */
  appendRun(runId: string, events: readonly NewStatusEvent[]): RunAppend {
    return this.transaction(() => {
      const earlier = this.runEvents(runId);
      return earlier.length > 0 ? { alreadyRecorded: earlier } : { appended: this.insert(events) };
    });
  }

  /** The events recorded from the run with this id, oldest first. */
  runEvents(runId: string): StatusEvent[] {
    const sql = "SELECT * FROM status_events WHERE json_extract(evidence, '$.runId') = ? ORDER BY seq";
    return (this.db.prepare(sql).all(runId) as unknown as EventRow[]).map(toEvent);
  }

  /** Trusts a platform key: runs it signed earn their status. A key already trusted keeps its entry (`added` false). */
  trustPlatformKey(key: NewTrustedPlatformKey): { key: TrustedPlatformKey; added: boolean } {
    return this.transaction(() => addTrustedKey(this.db, key, this.clock()));
  }

  /** The trusted platform keys, oldest first. */
  trustedPlatformKeys(): TrustedPlatformKey[] {
    return listTrustedKeys(this.db);
  }

  /** The database, for the sheet's other append-only logs (kept cells, programme, contests) in this folder. */
  get database(): DatabaseSync {
    return this.db;
  }

  /** Runs `work` in one IMMEDIATE transaction, for callers that append to several logs at once. */
  atomically<T>(work: () => T): T {
    return this.transaction(work);
  }

  /** The trusted key with this fingerprint, if the sheet trusts it. */
  trustedPlatformKey(fingerprint: string): TrustedPlatformKey | undefined {
    return findTrustedKey(this.db, fingerprint);
  }

  private insert(events: readonly NewStatusEvent[]): StatusEvent[] {
    const insert = this.db.prepare(
      `INSERT INTO status_events (id, system, integration, status, reason, actor, at, source, evidence, word)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    );
    const at = this.clock().toISOString();
    return events.map((e) =>
      toEvent(
        insert.get(
          randomUUID(),
          e.system,
          e.integration,
          e.status,
          e.reason ?? null,
          e.actor,
          at,
          e.source,
          e.evidence ? JSON.stringify(e.evidence) : null,
          e.word ?? null,
        ) as unknown as EventRow,
      ),
    );
  }

  /** Runs `work` in one IMMEDIATE transaction (it waits for other writers): all of it happens, or none. */
  private transaction<T>(work: () => T): T {
    // Inside `atomically` the outer transaction already holds the write lock: join it.
    if (this.db.isTransaction) return work();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** The current status of every system × integration that has one, ordered by system and integration. */
  current(): StatusEvent[] {
    return (
      this.db.prepare('SELECT * FROM current_status ORDER BY system, integration').all() as unknown as EventRow[]
    ).map(toEvent);
  }

  /** Every event, oldest first; of one system (and integration) when given. */
  history(system?: string, integration?: string): StatusEvent[] {
    const where = [system !== undefined ? 'system = ?' : '', integration !== undefined ? 'integration = ?' : ''].filter(
      Boolean,
    );
    const sql = `SELECT * FROM status_events${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`;
    const args = [system, integration].filter((v): v is string => v !== undefined);
    return (this.db.prepare(sql).all(...args) as unknown as EventRow[]).map(toEvent);
  }

  /** Number of events; cheap, for benchmarks and tests. */
  count(): number {
    return Number((this.db.prepare('SELECT COUNT(*) AS n FROM status_events').get() as { n: number }).n);
  }

  /** `ok` when SQLite finds the file consistent, otherwise its complaints. */
  integrityCheck(): string {
    return (this.db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('\n');
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
