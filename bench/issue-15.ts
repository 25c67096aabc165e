/**
 * Every figure issue 15 names, from one run on one machine, each beside its peer or limit:
 * the platform against a bare mutual-TLS server (bench/platform/side-by-side.ts), the Excel export
 * and import of 700 × 60 against 3 s (bench/conformance/sheet.ts), and what `klarmeld test` and
 * `catalog check` add as typed against the in-process run and 0.5 s (bench/cli/start-up.ts). The
 * three run one after another, each in its own process as it runs alone; this prints a Markdown
 * table for bench/RESULTS.md and the machine and load it ran on.
 *
 *   npx node bench/issue-15.ts [--rounds 3] [--duration 10] [--runs 5]
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    runs: { type: 'string', default: '5' },
  },
});
const root = fileURLToPath(new URL('../', import.meta.url));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** Runs one bench script and returns the JSON it ends with (the last line that opens a JSON object at its start). */
function bench(script: string, args: string[]): Record<string, any> {
  process.stderr.write(`${new Date().toISOString()} ${script} ${args.join(' ')} (load ${load()})\n`);
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 2 ** 26 });
  if (result.status !== 0) throw new Error(`${script} exited ${result.status}: ${result.stderr.slice(-2000)}`);
  const lines = result.stdout.split('\n');
  const start = lines.findLastIndex((l) => l.startsWith('{'));
  if (start < 0) throw new Error(`${script} printed no JSON: ${result.stdout.slice(-1000)}`);
  return JSON.parse(lines.slice(start).join('\n'));
}

const started = { at: new Date().toISOString(), load: load() };
// µs of busy work per request for the bare server's budget line (side-by-side.ts): on the 2-core Xeon
// (2026-12-02) these span half the bare rate and the platform's rate; the fitted line interpolates between them.
const platform = bench('bench/platform/side-by-side.ts', [
  '--rounds',
  values.rounds!,
  '--duration',
  values.duration!,
  '--budget-us',
  '40,80,120,160',
]);
const sheet = bench('bench/conformance/sheet.ts', ['--recorders', '0', '--json']);
const startUp = bench('bench/cli/start-up.ts', [values.runs!]);

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const yes = (met: boolean) => (met ? 'met' : '**missed**');
const ratio = platform.ratio.throughput as number;
const p99x = platform.ratio.p99 as number;
const overNode = startUp.pairedOverTheInProcessRunMs.node as number;
const rows = [
  [
    'platform throughput (PersonLookup, validation + recording on)',
    `${Math.round(platform.platform.rps)} req/s`,
    `bare mTLS server ${Math.round(platform.bare.rps)} req/s`,
    `ratio ≥ 0.5: ${ratio.toFixed(2)}`,
    yes(ratio >= 0.5),
  ],
  [
    'platform p99',
    `${platform.platform.p99.toFixed(1)} ms`,
    `bare ${platform.bare.p99.toFixed(1)} ms`,
    `≤ 2×: ${p99x.toFixed(2)}×`,
    yes(p99x <= 2),
  ],
  [
    'platform CPU ceiling (cores ÷ server + load CPU per request)',
    `${platform.platform.cpuCeilingRps} req/s`,
    `bare ${platform.bare.cpuCeilingRps} req/s`,
    `ratio ${platform.ratio.cpuCeiling}`,
    '(diagnostic)',
  ],
  [
    "platform's own work per request, as a bare server's busy loop (side-by-side.ts --budget-us)",
    `${platform.budget.platformEquivalentWorkUs} µs`,
    `what ≥ 0.5 allows: ${platform.budget.workAtHalfTheBareRateUs} µs`,
    `${(platform.budget.platformEquivalentWorkUs / platform.budget.workAtHalfTheBareRateUs).toFixed(1)}× what it allows`,
    '(diagnostic)',
  ],
  [
    'evidence after the load',
    platform.evidenceComplete ? 'every exchange recorded, in order, digests and signatures verified' : 'INCOMPLETE',
    '–',
    'nothing lost',
    yes(Boolean(platform.evidenceComplete)),
  ],
  [
    `sheet export --xlsx ${sheet.export.systems} × ${sheet.export.integrations}`,
    s(sheet.export.medianS * 1000),
    'limit 3 s',
    '≤ 3 s',
    yes(sheet.export.medianS <= 3),
  ],
  [
    `sheet import of that workbook (${sheet.import.cells} cells)`,
    s(sheet.import.medianS * 1000),
    'limit 3 s',
    '≤ 3 s',
    yes(sheet.import.medianS <= 3),
  ],
  [
    '`node bin/klarmeld.js test` (reference system)',
    s(startUp.medianMs.node),
    `in-process run ${s(startUp.medianMs.inProcess)}`,
    `adds ≤ 0.5 s: ${s(overNode)} (paired median)`,
    yes(overNode <= 500),
  ],
  [
    '`node bin/klarmeld.js test` over the first in-process run of a fresh process',
    s(startUp.medianMs.node),
    `first run ${s(startUp.startPhases['run, cold'].wallMs)}, warm ${s(startUp.medianMs.inProcess)}`,
    `its own start: ${s(startUp.pairedOverTheFirstInProcessRunMs.node)} (paired median)`,
    yes(startUp.pairedOverTheFirstInProcessRunMs.node <= 500),
  ],
  [
    '`npx klarmeld test`',
    s(startUp.medianMs.npx),
    `in-process run ${s(startUp.medianMs.inProcess)}`,
    `adds ${s(startUp.pairedOverTheInProcessRunMs.npx)} (npm's own start included)`,
    '(README: use the alias)',
  ],
  [
    '`node bin/klarmeld.js catalog check`',
    s(startUp.medianMs.catalogNode),
    'limit 0.5 s as typed',
    '≤ 0.5 s',
    yes(startUp.medianMs.catalogNode <= 500),
  ],
];
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
    `started ${started.at} at load ${started.load}, ended at load ${load()}.\n`,
);
console.log('| figure | klarmeld | peer or limit | goal | |');
console.log('|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
