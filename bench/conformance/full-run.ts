/**
 * The reference system's full required set (5 integrations, every test) including platform
 * start, system start, attestation and shutdown. Goal (issue 4): at most 10 s wall.
 *
 *   npx tsx bench/conformance/full-run.ts [runs]
 *
 * Measures the in-process run (runAndAttest: what `klarmeld test` does after it has loaded) and, once, the
 * whole command as a user types it (`node bin/klarmeld.js test --profile … --json`).
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { runAndAttest } from '../../conformance/runner/attested-run.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const profileFile = `${root}examples/reference-system/klarmeld.yaml`;
const runs = Number(process.argv[2] ?? 3);

const catalog = (await loadCatalog()).catalog;
const walls: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const result = await runAndAttest({ profileFile, catalog, toolVersion: 'bench' });
  const wall = performance.now() - started;
  walls.push(wall);
  const { counts, exitCode } = result.document.summary;
  const integrations = new Set(result.document.tests.map((t) => t.integration)).size;
  console.log(
    `run ${i + 1}: ${(wall / 1000).toFixed(2)} s wall, ${counts.total} tests (${counts.pass} passed) in ${integrations} integrations, exit ${exitCode}, attested ${Boolean(result.document.attestation)}`,
  );
}
const sorted = [...walls].sort((a, b) => a - b);
console.log(
  `in-process: median ${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(2)} s, best ${(sorted[0]! / 1000).toFixed(2)} s, worst ${(sorted.at(-1)! / 1000).toFixed(2)} s`,
);

const started = performance.now();
const cli = spawnSync(process.execPath, [`${root}bin/klarmeld.js`, 'test', '--profile', profileFile, '--json'], {
  cwd: root,
  encoding: 'utf8',
});
const cliWall = performance.now() - started;
const tests = cli.status === 0 ? (JSON.parse(cli.stdout) as { tests: unknown[] }).tests.length : 0;
console.log(`command: ${(cliWall / 1000).toFixed(2)} s wall, exit ${cli.status}, ${tests} tests`);
console.log(
  `machine: ${cpus().length} cores, ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
