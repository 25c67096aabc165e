/**
 * What the `klarmeld` command adds over the work it does (issue 15: ≤ 0.5 s for `klarmeld test`).
 * Interleaved, `runs` times each, medians:
 *  (a) the in-process run: runAndAttest (what `klarmeld test` does once loaded; nothing may import
 *      cli/) on the reference system's profile,
 *      in this process, modules already loaded — the work itself;
 *  (b) `node bin/klarmeld.js test --profile examples/reference-system/klarmeld.yaml --json`;
 *  (c) `npx klarmeld test …` the same;
 * and `node bin/klarmeld.js catalog check` beside `npx klarmeld catalog check`. Once per round
 * bench/cli/start-phases.ts in a fresh process says where the command's start goes (Node,
 * modules, catalogue, cold run against warm run), in wall time and in the main thread's CPU time,
 * which the load of a shared machine disturbs far less.
 *
 * The command is compared with two in-process runs: (a), warm, as this process repeats it, and the
 * first run of a fresh process after its modules are loaded (start-phases' "run, cold"). The
 * difference between the two is code running for the first time (compiled lazily, not yet
 * optimised), which any first run pays however it is started; what the command adds over the cold
 * run is its own start: Node, loading the modules, the catalogue, the exit.
 *
 *   npx node bench/cli/start-up.ts [runs=5]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { runAndAttest } from '../../conformance/runner/attested-run.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const profile = 'examples/reference-system/klarmeld.yaml';
const runs = Number(process.argv[2] ?? 5);
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const loadAtStart = loadAverage();

/** Wall time of one command in a new process, in ms; fails loudly when it does not succeed. */
function timed(command: string, args: string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const wall = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
  return wall;
}

const npx = 'npx';
const samples: Record<string, number[]> = { inProcess: [], node: [], npx: [], catalogNode: [], catalogNpx: [] };
const phases: Record<string, { wallMs: number; cpuMs: number }>[] = [];
// One warm-up of each so that every column starts with the same disk caches and compile cache.
const catalog = (await loadCatalog()).catalog;
const runTest = async (options: { profileFile: string; toolVersion: string }) => {
  const { document } = await runAndAttest({ ...options, catalog });
  return { exitCode: document.summary.exitCode };
};
await runTest({ profileFile: `${root}${profile}`, toolVersion: 'bench' });
timed(process.execPath, ['bin/klarmeld.js', 'test', '--profile', profile, '--json']);
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const result = await runTest({ profileFile: `${root}${profile}`, toolVersion: 'bench' });
  samples.inProcess!.push(performance.now() - started);
  if (result.exitCode !== 0) throw new Error(`the in-process run exited ${result.exitCode}`);
  samples.node!.push(timed(process.execPath, ['bin/klarmeld.js', 'test', '--profile', profile, '--json']));
  samples.npx!.push(timed(npx, ['klarmeld', 'test', '--profile', profile, '--json']));
  const breakdown = spawnSync(process.execPath, ['bench/cli/start-phases.ts'], { cwd: root, encoding: 'utf8' });
  if (breakdown.status !== 0) throw new Error(`start-phases.ts exited ${breakdown.status}: ${breakdown.stderr}`);
  phases.push(JSON.parse(breakdown.stdout));
  samples.catalogNode!.push(timed(process.execPath, ['bin/klarmeld.js', 'catalog', 'check']));
  samples.catalogNpx!.push(timed(npx, ['klarmeld', 'catalog', 'check']));
  console.log(
    `run ${i + 1} (load ${loadAverage()}): in-process ${s(samples.inProcess!.at(-1)!)} (first in a fresh process ${s(phases.at(-1)!['run, cold']!.wallMs)}), node ${s(samples.node!.at(-1)!)}, npx ${s(samples.npx!.at(-1)!)}; catalog check node ${s(samples.catalogNode!.at(-1)!)}, npx ${s(samples.catalogNpx!.at(-1)!)}`,
  );
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, Math.round(median(v))]));
const phaseMedians = Object.fromEntries(
  Object.keys(phases[0] ?? {}).map((name) => [
    name,
    {
      wallMs: median(phases.map((p) => p[name]!.wallMs)),
      cpuMs: median(phases.map((p) => p[name]!.cpuMs)),
    },
  ]),
);
const cpuModel = cpus()[0]?.model;
console.log(
  JSON.stringify(
    {
      machine: {
        date: new Date().toISOString(),
        nproc: cpus().length,
        cpu: cpuModel,
        node: process.version,
        loadAtStart,
        loadAtEnd: loadAverage(),
        npm: execFileSync(npx, ['--version'], { encoding: 'utf8' }).trim(),
      },
      runs,
      medianMs: m,
      overTheInProcessRunMs: { node: m.node! - m.inProcess!, npx: m.npx! - m.inProcess! },
      // The same, from each round's own pair (the command right after the in-process run): the
      // load of a shared machine changes between rounds more than within one.
      pairedOverTheInProcessRunMs: {
        node: Math.round(median(samples.node!.map((ms, i) => ms - samples.inProcess![i]!))),
        npx: Math.round(median(samples.npx!.map((ms, i) => ms - samples.inProcess![i]!))),
      },
      // Over the first in-process run of a fresh process, from the same round (its start-phases):
      // the command's own start, without the cost of code running for the first time.
      pairedOverTheFirstInProcessRunMs: {
        node: Math.round(median(samples.node!.map((ms, i) => ms - phases[i]!['run, cold']!.wallMs))),
        npx: Math.round(median(samples.npx!.map((ms, i) => ms - phases[i]!['run, cold']!.wallMs))),
      },
      // Where a start goes (bench/cli/start-phases.ts, medians); "run, cold" minus "run, warm" is what
      // a new process pays for code not yet compiled and optimised.
      startPhases: phaseMedians,
      goal: {
        'node bin/klarmeld.js test over in-process ≤ 500 ms': m.node! - m.inProcess! <= 500,
        'npx klarmeld test over in-process ≤ 500 ms': m.npx! - m.inProcess! <= 500,
      },
      samplesMs: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map(Math.round)])),
    },
    null,
    2,
  ),
);
