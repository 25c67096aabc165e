/**
 * Which embedded database should klarmeld server default to (issue 13)? The sheet's run
 * recordings and the platform recorder's exchanges, written through the real store code, on
 * SQLite (node:sqlite, today's files), PGlite (PostgreSQL in WebAssembly, in this process: one
 * SQL dialect with --database postgres://) and a real PostgreSQL on loopback.
 *   npx node bench/server/store-write-rate.ts [--recorders 50] [--runs 10] [--events 5] [--exchanges 20000] [--batch 64] [--only sqlite,pglite,pglite-relaxed,postgres]
 * Sheet: `recorders` suppliers record `runs` runs each at once (appendRunEvents, `events` events
 * per run); events/s and the p50/p99 of one recording. Recorder: `exchanges` exchanges in
 * batches of `batch`, one writer; exchanges/s. CPU per event/exchange counts this process and,
 * for PostgreSQL, its server processes: on a shared machine CPU varies less than wall time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { storeBackends, type Backend } from './store-backends.ts';
import { measureRecorder, measureSheet } from './store-workloads.ts';

const { values } = parseArgs({
  options: {
    recorders: { type: 'string', default: '50' },
    runs: { type: 'string', default: '10' },
    events: { type: 'string', default: '5' },
    exchanges: { type: 'string', default: '20000' },
    batch: { type: 'string', default: '64' },
    only: { type: 'string', default: 'sqlite,pglite,pglite-relaxed,postgres' },
  },
});
const [recorders, runs, events, exchanges, batch] = [
  values.recorders,
  values.runs,
  values.events,
  values.exchanges,
  values.batch,
].map(Number) as [number, number, number, number, number];
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

console.log(
  `${new Date().toISOString()} ${cpus().length} × ${cpus()[0]?.model}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}`,
);
console.log(
  `sheet: ${recorders} recorders × ${runs} runs × ${events} events; recorder: ${exchanges} exchanges in batches of ${batch}\n`,
);
for (const key of values.only.split(',')) {
  const make = storeBackends[key];
  if (!make) throw new Error(`--only ${key}: no such back end; choose from ${Object.keys(storeBackends).join(', ')}.`);
  const dir = await mkdtemp(join(tmpdir(), `bench-store-${key}-`));
  let backend: Backend | undefined;
  try {
    let t = performance.now();
    backend = await make(dir);
    const openMs = performance.now() - t;
    const sheet = await measureSheet(backend, { recorders, runs, events });
    const recorder = await measureRecorder(backend, { exchanges, batch });
    t = performance.now();
    await backend.reopen?.();
    const reopened = backend.reopen ? `, reopen ${fmt(performance.now() - t)} ms` : '';
    console.log(`${backend.name}: open new ${fmt(openMs)} ms${reopened}`);
    console.log(
      `  sheet: ${fmt(sheet.perSecond)} events/s, recording p50 ${fmt(sheet.p50, 1)} ms, p99 ${fmt(sheet.p99, 1)} ms, CPU ${fmt(sheet.cpuUs)} µs per event; ${sheet.stored} stored (${recorders * runs * events - sheet.stored} lost)`,
    );
    console.log(`  recorder: ${fmt(recorder.perSecond)} exchanges/s, CPU ${fmt(recorder.cpuUs)} µs per exchange`);
  } finally {
    await backend?.close();
    await rm(dir, { recursive: true, force: true });
  }
}
