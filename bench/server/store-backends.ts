/**
 * The store bench's back ends, each driving the real code: SQLite through the server's SQLite
 * store and the platform's exchangeWriter; PGlite and PostgreSQL through the server's PostgreSQL
 * migrations and sheet (PGlite shaped as a pg.Pool).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { NewStatusEvent, RunAppend, StatusEvent } from '../../conformance/onboarding/index.ts';
import { migrate } from '../../server/store/postgres-migrate.ts';
import { postgresSheet } from '../../server/store/postgres-sheet.ts';
import { openSqliteServerStore } from '../../server/store/sqlite-server-store.ts';
import { startTestPostgres } from '../../server/testing/postgres.ts';
import { postgresExchangeWriter, sqliteExchangeWriter, type BatchWriter } from './exchange-writers.ts';
import { pgliteAsPool } from './pglite-pool.ts';

export interface Sheet {
  appendRunEvents(runId: string, events: readonly NewStatusEvent[]): Promise<RunAppend>;
  sheetHistory(): Promise<StatusEvent[]>;
  done(): Promise<void>;
}

export interface Backend {
  name: string;
  sheet(): Promise<Sheet>;
  recorder(): Promise<{ write: BatchWriter; done(): Promise<void> }>;
  /** CPU time of a database server outside this process (µs), ended connections included. */
  serverCpuUs?(): number;
  /** Opens the database again and closes it: what a restart of the server pays. */
  reopen?(): Promise<void>;
  close(): Promise<void>;
}

const statFields = (pid: number | string) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
const ticks = (fields: string[], from: number, to: number) =>
  fields.slice(from, to).reduce((sum, t) => sum + Number(t), 0) * 10_000;

/**
 * CPU of a server and its children, in µs (clock ticks of 10 ms): its own and its reaped
 * children's (utime, stime, cutime, cstime), plus what its children still alive (or not yet
 * reaped) have used, so a connection that ended a moment ago is counted either way.
 */
function serverTreeCpuUs(pid: number): number {
  let total = ticks(statFields(pid), 11, 15);
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const fields = statFields(entry);
      if (Number(fields[1]) === pid) total += ticks(fields, 11, 13);
    } catch {
      // The process ended while we looked: its time is now in the parent's cutime.
    }
  }
  return total;
}

async function sqlite(dir: string): Promise<Backend> {
  const file = join(dir, 'sheet.sqlite');
  openSqliteServerStore(file).close();
  return {
    name: 'SQLite (node:sqlite, WAL, synchronous=NORMAL)',
    async sheet() {
      const store = openSqliteServerStore(file);
      return {
        appendRunEvents: (id, events) => store.appendRunEvents(id, events),
        sheetHistory: () => store.sheetHistory(),
        done: () => store.close(),
      };
    },
    async recorder() {
      const writer = sqliteExchangeWriter(join(dir, 'platform'));
      return { write: writer.write, done: async () => writer.close() };
    },
    reopen: async () => openSqliteServerStore(file).close(),
    close: async () => undefined,
  };
}

async function pglite(dir: string, relaxedDurability: boolean): Promise<Backend> {
  const open = async () => pgliteAsPool(await PGlite.create(join(dir, 'pglite'), { relaxedDurability }));
  let pool = await open();
  await migrate(pool);
  return {
    name: `PGlite 0.5 (WebAssembly, in this process, files${relaxedDurability ? ', relaxedDurability' : ''})`,
    async sheet() {
      return { ...postgresSheet(pool, () => new Date()), done: async () => undefined };
    },
    async recorder() {
      return { write: await postgresExchangeWriter(pool), done: async () => undefined };
    },
    async reopen() {
      await pool.end();
      pool = await open();
      await migrate(pool);
    },
    close: () => pool.end(),
  };
}

async function postgres(): Promise<Backend> {
  // Durable like SQLite's WAL with synchronous=NORMAL: fsync on, commits not waited for.
  const server = await startTestPostgres({
    settings: { fsync: 'on', full_page_writes: 'on', synchronous_commit: 'off' },
  });
  const url = await server.createDatabase();
  const pool = () => {
    const p = new pg.Pool({ connectionString: url, max: 10 });
    p.on('error', (error) => console.error(`PostgreSQL dropped a connection: ${error.message}\n${server.log()}`));
    return p;
  };
  const setup = pool();
  await migrate(setup);
  await setup.end();
  return {
    name: 'PostgreSQL 15 on loopback (fsync on, synchronous_commit off, 10 connections)',
    async sheet() {
      const p = pool();
      return { ...postgresSheet(p, () => new Date()), done: () => p.end() };
    },
    async recorder() {
      const p = pool();
      return { write: await postgresExchangeWriter(p), done: () => p.end() };
    },
    serverCpuUs: () => serverTreeCpuUs(server.pid),
    close: () => server.stop(),
  };
}

export const storeBackends: Record<string, (dir: string) => Promise<Backend>> = {
  sqlite,
  pglite: (dir) => pglite(dir, false),
  'pglite-relaxed': (dir) => pglite(dir, true),
  postgres: () => postgres(),
};
