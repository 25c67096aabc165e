/**
 * Sheet benchmarks (issues 4, 11): 50 recorder processes writing into one sheet in parallel (no
 * event may be lost), `sheet export --xlsx` of KOMBIT's layout for 700 systems × 60 integrations
 * and `sheet import` of that workbook into an empty sheet (goal ≤ 3 s each).
 *   npx node bench/conformance/sheet.ts [--recorders 50] [--batches 4] [--systems 700] [--integrations 60] [--json]
 * `--recorders 0` leaves the parallel recorders out; `--json` ends with one line of JSON (bench/issue-15.ts reads it).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exportSheetFile as exportSheet, importWorkbook, SheetStore } from '../../conformance/onboarding/index.ts';
import { syntheticCatalog, syntheticEvents } from './synthetic-sheet.ts';

const { values } = parseArgs({
  options: {
    recorders: { type: 'string', default: '50' },
    batches: { type: 'string', default: '4' },
    size: { type: 'string', default: '5' },
    systems: { type: 'string', default: '700' },
    integrations: { type: 'string', default: '60' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const figures: Record<string, unknown> = {};
const worker = fileURLToPath(new URL('../../conformance/onboarding/testing/record-worker.ts', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'bench-sheet-'));
const gib = (bytes: number) => `${Math.round(bytes / 2 ** 30)} GiB`;
console.log(
  `${new Date().toISOString()} ${cpus().length} × ${cpus()[0]?.model}, ${gib(totalmem())} (${gib(freemem())} free), load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}`,
);

// 1. Parallel recorders: each process appends `batches` runs of `size` events, one transaction per run.
if (Number(values.recorders) > 0) {
  const sheet = join(dir, 'recorders.sqlite');
  const [recorders, batches, size] = [Number(values.recorders), Number(values.batches), Number(values.size)];
  const started = performance.now();
  const exits = await Promise.all(
    Array.from(
      { length: recorders },
      (_, i) =>
        new Promise<number | null>((resolve) =>
          spawn(process.execPath, [worker, sheet, `system-${i}`, String(batches), String(size)], {
            stdio: 'ignore',
          }).on('close', resolve),
        ),
    ),
  );
  const wall = performance.now() - started;
  const store = SheetStore.open(sheet);
  const expected = recorders * batches * size;
  const counted = store.count();
  console.log(
    `recorders: ${recorders} processes × ${batches} runs × ${size} events: ${counted} of ${expected} events recorded (${expected - counted} lost), ` +
      `${exits.filter((c) => c !== 0).length} processes failed, integrity ${store.integrityCheck()}, wall ${(wall / 1000).toFixed(2)} s`,
  );
  store.close();
}

// 2. Export of a full sheet (what `klarmeld sheet export --xlsx` runs after loading the catalogue): read current + history from SQLite, build the matrix, write the workbook.
{
  const catalog = await syntheticCatalog(Number(values.systems), Number(values.integrations));
  const sheet = join(dir, 'export.sqlite');
  const store = SheetStore.open(sheet);
  store.append(syntheticEvents(catalog));
  store.close();
  const times: number[] = [];
  const cpu: number[] = [];
  let outcome;
  for (let run = 0; run < Number(values.runs); run++) {
    const file = join(dir, `export-${run}.xlsx`);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    outcome = await exportSheet(catalog, sheet, file);
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
  }
  const size = (await stat(join(dir, 'export-0.xlsx'))).size;
  figures.export = {
    systems: outcome!.systems,
    integrations: outcome!.integrations,
    medianS: median(times) / 1000,
    cpuS: median(cpu) / 1000,
    limitS: 3,
  };
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `export: ${outcome!.systems} systems × ${outcome!.integrations} integrations, ${outcome!.events} history events, ${(size / 1024).toFixed(0)} KiB: ` +
      `median ${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(2)} s, min ${(sorted[0]! / 1000).toFixed(2)} s, max ${(sorted.at(-1)! / 1000).toFixed(2)} s (${times.length} runs; goal ≤ 3 s); ` +
      `CPU time median ${([...cpu].sort((a, b) => a - b)[Math.floor(cpu.length / 2)]! / 1000).toFixed(2)} s`,
  );

  // 3. Import of that workbook into an empty sheet (what `klarmeld sheet import` runs after loading the catalogue): read, map, plan, append.
  const importTimes: number[] = [];
  let imported;
  for (let run = 0; run < Number(values.runs); run++) {
    const target = SheetStore.open(join(dir, `import-${run}.sqlite`));
    const started = performance.now();
    imported = await importWorkbook(target, catalog, join(dir, 'export-0.xlsx'), 'bench');
    importTimes.push(performance.now() - started);
    target.close();
  }
  const sortedImport = [...importTimes].sort((a, b) => a - b);
  figures.import = { cells: imported!.cells, medianS: median(importTimes) / 1000, limitS: 3 };
  console.log(
    `import: ${imported!.rows} rows, ${imported!.cells} cells, ${imported!.events.length} events appended, ${imported!.kept.length} kept: ` +
      `median ${(sortedImport[Math.floor(sortedImport.length / 2)]! / 1000).toFixed(2)} s, min ${(sortedImport[0]! / 1000).toFixed(2)} s, max ${(sortedImport.at(-1)! / 1000).toFixed(2)} s (${importTimes.length} runs; goal ≤ 3 s)`,
  );
}
await rm(dir, { recursive: true, force: true });
if (values.json) console.log(JSON.stringify({ load: loadavg(), ...figures }));
