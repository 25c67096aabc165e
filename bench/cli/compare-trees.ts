/**
 * Does a change make `klarmeld test` start faster? The same command from two copies of klarmeld
 * (e.g. `git archive` of the commit before, and of the commit after, each with a node_modules
 * link), in pairs whose order alternates, so that the load of a shared machine hits both alike:
 * the median of each pair's difference is the figure to trust, beside each side's median wall
 * time, its process tree's CPU time (user + system, the system under test included) and the
 * command's main thread CPU time (bench/cli/main-thread-cpu.ts), the least disturbed by load.
 * Each side's catalogue cache is warmed first, as a second start finds it.
 *
 *   npx node bench/cli/compare-trees.ts <before-dir> <after-dir> [pairs=10] [profile]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [beforeArg, afterArg, pairsArg, profileArg] = process.argv.slice(2);
if (!beforeArg || !afterArg) {
  process.stderr.write('Usage: compare-trees.ts <before-dir> <after-dir> [pairs=10] [profile]\n');
  process.exit(2);
}
const trees = { before: resolve(beforeArg), after: resolve(afterArg) };
const pairs = Number(pairsArg ?? 10);
const profile = profileArg ?? 'examples/reference-system/klarmeld.yaml';
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const mainThreadCpu = fileURLToPath(new URL('main-thread-cpu.ts', import.meta.url));
type Sample = { wall: number; cpu: number; main: number };

/** Wall and CPU times (ms) of one `klarmeld test` from `tree`; fails loudly when the run does not pass. */
function timed(tree: string): Sample {
  const node = [process.execPath, '--import', mainThreadCpu];
  const args = ['-f', 'cpu %U %S', ...node, 'bin/klarmeld.js', 'test', '--profile', profile, '--json'];
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', args, { cwd: tree, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const wall = performance.now() - started;
  if (result.status !== 0) throw new Error(`${tree}: exited ${result.status}: ${result.stderr.slice(-2000)}`);
  const [, user, system] = /^cpu ([\d.]+) ([\d.]+)$/m.exec(result.stderr) ?? [];
  const [, main] = /^klarmeld-main-thread-cpu-ms ([\d.]+)$/m.exec(result.stderr) ?? [];
  return { wall, cpu: (Number(user) + Number(system)) * 1000, main: Number(main) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const loadAtStart = loadAverage();
timed(trees.before);
timed(trees.after);
const samples = { before: [] as Sample[], after: [] as Sample[] };
for (let i = 0; i < pairs; i++) {
  const order = i % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
  for (const side of order) samples[side].push(timed(trees[side]));
  const [b, a] = [samples.before.at(-1)!, samples.after.at(-1)!];
  process.stderr.write(
    `pair ${i + 1} (load ${loadAverage()}): wall before ${Math.round(b.wall)} ms, after ${Math.round(a.wall)} ms; main thread CPU before ${Math.round(b.main)} ms, after ${Math.round(a.main)} ms\n`,
  );
}
const of = (side: 'before' | 'after', what: keyof Sample) => Math.round(median(samples[side].map((s) => s[what])));
const paired = (what: keyof Sample) =>
  Math.round(median(samples.after.map((a, i) => a[what] - samples.before[i]![what])));
console.log(
  JSON.stringify(
    {
      trees,
      profile,
      pairs,
      load: { atStart: loadAtStart, atEnd: loadAverage() },
      medianMs: {
        before: { wall: of('before', 'wall'), cpu: of('before', 'cpu'), mainThreadCpu: of('before', 'main') },
        after: { wall: of('after', 'wall'), cpu: of('after', 'cpu'), mainThreadCpu: of('after', 'main') },
      },
      pairedAfterMinusBeforeMs: { wall: paired('wall'), cpu: paired('cpu'), mainThreadCpu: paired('main') },
      samplesMs: Object.fromEntries(
        Object.entries(samples).map(([side, xs]) => [
          side,
          xs.map((s) => [Math.round(s.wall), Math.round(s.cpu), Math.round(s.main)]),
        ]),
      ),
    },
    null,
    2,
  ),
);
