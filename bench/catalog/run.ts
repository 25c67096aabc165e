/**
 * Catalogue benchmark (issue 2). Run with `npx node bench/catalog/run.ts [--runs N]`.
 * 1. Loads and validates a generated catalogue of 1,000 integrations and 2,000 systems
 *    (goal: at most 1.5 s on the 2-core machine).
 * 2. Loads the shipped catalogue in-process.
 * 3. Times `klarmeld catalog check` on the shipped catalogue as a new process, wall clock
 *    including Node start-up (goal: at most 500 ms), both as `node bin/klarmeld.js` and
 *    through `npx klarmeld` (which adds npm's own start-up).
 * Prints a Markdown section for bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { generateCatalogue } from './generate-catalogue.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(values.runs);
const root = fileURLToPath(new URL('../../', import.meta.url));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x)} ms`;
const stats = (xs: number[]) =>
  `median ${ms(median(xs))}, min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))} (${xs.length} runs)`;

async function timeLoad(dir: string): Promise<{ times: number[]; counts: string; problems: number }> {
  const times: number[] = [];
  let counts = '';
  let problems = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = await loadCatalog(dir);
    times.push(performance.now() - start);
    counts = `${result.catalog.integrations.length} integrations, ${result.catalog.systems.length} systems`;
    problems = result.problems.length;
  }
  return { times, counts, problems };
}

function timeProcess(command: string, args: string[]): { times: number[]; exit: number | null } {
  const times: number[] = [];
  let exit: number | null = null;
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'ignore'] });
    if (i > 0) times.push(performance.now() - start); // the first run warms the disk and compile caches
    exit = result.status;
  }
  return { times, exit };
}

const dir = await mkdtemp(join(tmpdir(), 'klarmeld-bench-catalog-'));
try {
  await generateCatalogue(dir, { integrations: 1000, systems: 2000 });
  const large = await timeLoad(dir);
  const loader = new URL('../../catalog/load-catalog.ts', import.meta.url).href;
  const script = `const { loadCatalog } = await import(${JSON.stringify(loader)}); const r = await loadCatalog(${JSON.stringify(dir)}); process.exitCode = r.problems.length ? 1 : 0;`;
  const largeProcess = timeProcess(process.execPath, ['--input-type=module', '-e', script]);
  const shipped = await timeLoad(join(root, 'catalog', 'data'));
  const direct = timeProcess(process.execPath, ['bin/klarmeld.js', 'catalog', 'check']);
  const viaNpx = timeProcess('npx', ['klarmeld', 'catalog', 'check']);
  const verdict = (value: number, goal: number) =>
    value <= goal ? `meets the ${goal} ms goal` : `MISSES the ${goal} ms goal`;
  process.stdout.write(`## Catalogue (bench/catalog/run.ts)

${new Date().toISOString().slice(0, 16)} UTC, ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} free), load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}

| what | result | goal |
|---|---|---|
| load + validate generated catalogue (${large.counts}, ${large.problems} problems), in-process | ${stats(large.times)}; first (cold) ${ms(large.times[0]!)} | ${verdict(median(large.times), 1500)} |
| the same in a new process: Node start-up, module import, load + validate (exit ${largeProcess.exit}) | ${stats(largeProcess.times)} | ${verdict(median(largeProcess.times), 1500)} |
| load + validate shipped catalogue (${shipped.counts}, ${shipped.problems} problems), in-process | ${stats(shipped.times)} | – |
| \`node bin/klarmeld.js catalog check\` (new process, exit ${direct.exit}) | ${stats(direct.times)} | ${verdict(median(direct.times), 500)} |
| \`npx klarmeld catalog check\` (new process, exit ${viaNpx.exit}) | ${stats(viaNpx.times)} | ${verdict(median(viaNpx.times), 500)} |
`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
