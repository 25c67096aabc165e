/**
 * Which embedded database should klarmeld server default to (issue 13)? The sheet's run
 * recordings and the platform recorder's exchanges, written through the real store code, on
 * SQLite (node:sqlite, today's files), PGlite (PostgreSQL in WebAssembly, in this process: one
 * SQL dialect with --database postgres://) and a real PostgreSQL on loopback.
 *   npx node bench/server/store-write-rate.ts [--recorders 50] [--runs 10] [--events 5] [--exchanges 20000] [--batch 64] [--only sqlite,pglite,postgres]
 * Sheet: `recorders` suppliers record `runs` runs each at once (appendRunEvents, `events` events
 * per run); events/s and the p50/p99 of one recording. Recorder: `exchanges` exchanges in
 * batches of `batch`, one writer; exchanges/s and this process's CPU per exchange.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { NewStatusEvent, RunAppend, StatusEvent } from '../../conformance/onboarding/index.ts';
import { migrate } from '../../server/store/postgres-migrate.ts';
import { postgresSheet } from '../../server/store/postgres-sheet.ts';
import { openSqliteServerStore } from '../../server/store/sqlite-server-store.ts';
import { startTestPostgres } from '../../server/testing/postgres.ts';
import { postgresExchangeWriter, sampleExchange, sqliteExchangeWriter, type BatchWriter } from './exchange-writers.ts';
import { pgliteAsPool } from './pglite-pool.ts';

const { values } = parseArgs({
  options: {
    recorders: { type: 'string', default: '50' }, runs: { type: 'string', default: '10' }, events: { type: 'string', default: '5' },
    exchanges: { type: 'string', default: '20000' }, batch: { type: 'string', default: '64' }, only: { type: 'string', default: 'sqlite,pglite,postgres' },
  },
});
const [recorders, runs, perRun, exchanges, batchSize] = [values.recorders, values.runs, values.events, values.exchanges, values.batch].map(Number) as [number, number, number, number, number];

interface Sheet {
  appendRunEvents(runId: string, events: readonly NewStatusEvent[]): Promise<RunAppend>;
  sheetHistory(): Promise<StatusEvent[]>;
}
interface Backend {
  name: string;
  sheet: Sheet;
  writer: BatchWriter;
  openMs: number;
  close(): Promise<void>;
  /** Opens the closed database again and closes it: what a restart of the server pays. */
  reopen?(): Promise<void>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function measureSheet(sheet: Sheet) {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(Array.from({ length: recorders }, async (_, r) => {
    for (let i = 0; i < runs; i++) {
      const runId = `run-${r}-${i}`;
      const events = Array.from({ length: perRun }, (_, k): NewStatusEvent => ({
        system: `system-${r}`, integration: `SF15${k}0`, status: 'klarmeldt', actor: 'server', source: 'run', evidence: { runId, digest: 'd'.repeat(64), shallTotal: 8, shallPassed: 8 },
      }));
      const t = performance.now();
      await sheet.appendRunEvents(runId, events);
      latencies.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const stored = (await sheet.sheetHistory()).length;
  latencies.sort((a, b) => a - b);
  return { eventsPerSecond: (recorders * runs * perRun) / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), stored };
}

async function measureRecorder(writer: BatchWriter) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let done = 0; done < exchanges; done += batchSize) {
    await writer(Array.from({ length: Math.min(batchSize, exchanges - done) }, (_, i) => sampleExchange(`system-${(done + i) % 50}`)));
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { perSecond: exchanges / seconds, cpuUs: (used.user + used.system) / exchanges };
}

async function sqliteBackend(dir: string): Promise<Backend> {
  const t = performance.now();
  const store = openSqliteServerStore(join(dir, 'sheet.sqlite'));
  const recorder = sqliteExchangeWriter(join(dir, 'platform.sqlite'));
  return {
    name: 'SQLite (node:sqlite, WAL, synchronous=NORMAL)', sheet: store, writer: recorder.write, openMs: performance.now() - t,
    close: async () => (await store.close(), recorder.close()),
    reopen: async () => openSqliteServerStore(join(dir, 'sheet.sqlite')).close(),
  };
}

async function pgliteBackend(dir: string): Promise<Backend> {
  const t = performance.now();
  const pool = pgliteAsPool(await PGlite.create(join(dir, 'pglite')));
  await migrate(pool);
  const writer = await postgresExchangeWriter(pool);
  return {
    name: 'PGlite (WebAssembly, in process, files)', sheet: postgresSheet(pool, () => new Date()), writer, openMs: performance.now() - t, close: () => pool.end(),
    reopen: async () => {
      const again = pgliteAsPool(await PGlite.create(join(dir, 'pglite')));
      await migrate(again);
      await again.end();
    },
  };
}

async function postgresBackend(): Promise<Backend> {
  // Durable like SQLite's WAL with synchronous=NORMAL: fsync on, commits not waited for.
  const server = await startTestPostgres({ settings: { fsync: 'on', full_page_writes: 'on', synchronous_commit: 'off' } });
  const t = performance.now();
  const pool = new pg.Pool({ connectionString: await server.createDatabase(), max: 10 });
  pool.on('error', (error) => console.error(`PostgreSQL dropped a connection: ${error.message}\n${server.log()}`));
  await migrate(pool);
  const writer = await postgresExchangeWriter(pool);
  return { name: 'PostgreSQL 15 on loopback (fsync on, synchronous_commit off, 10 connections)', sheet: postgresSheet(pool, () => new Date()), writer, openMs: performance.now() - t, close: async () => (await pool.end(), await server.stop()) };
}

console.log(`${new Date().toISOString()} ${cpus().length} × ${cpus()[0]?.model}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, Node ${process.version}`);
console.log(`sheet: ${recorders} recorders × ${runs} runs × ${perRun} events; recorder: ${exchanges} exchanges in batches of ${batchSize}\n`);
const wanted = new Set(values.only.split(','));
const makers: [string, (dir: string) => Promise<Backend>][] = [['sqlite', sqliteBackend], ['pglite', pgliteBackend], ['postgres', postgresBackend]];
for (const [key, make] of makers.filter(([key]) => wanted.has(key))) {
  const dir = await mkdtemp(join(tmpdir(), `bench-store-${key}-`));
  try {
    const backend = await make(dir);
    const sheet = await measureSheet(backend.sheet);
    const recorder = await measureRecorder(backend.writer);
    await backend.close();
    const t = performance.now();
    await backend.reopen?.();
    const reopened = backend.reopen ? `, reopen ${fmt(performance.now() - t)} ms` : '';
    const lost = recorders * runs * perRun - sheet.stored;
    console.log(`${backend.name}: open new ${fmt(backend.openMs)} ms${reopened}`);
    console.log(`  sheet: ${fmt(sheet.eventsPerSecond)} events/s, recording p50 ${fmt(sheet.p50, 1)} ms, p99 ${fmt(sheet.p99, 1)} ms, ${sheet.stored} stored (${lost} lost)`);
    console.log(`  recorder: ${fmt(recorder.perSecond)} exchanges/s, ${fmt(recorder.cpuUs)} µs CPU of this process per exchange`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
