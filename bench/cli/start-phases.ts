/**
 * Where a `klarmeld test` start goes, in a fresh process as the command has it (run by
 * bench/cli/start-up.ts, or alone): Node's own start, loading the modules `test` loads, the
 * catalogue from the cache (as a second start finds it), then the reference-system run twice:
 * cold (the first, as the command runs it) and warm (what the in-process column of start-up.ts
 * measures), and last the catalogue parsed and checked (what a start without the cache pays). Each phase as wall time and this thread's CPU time, in ms, as one JSON line.
 *
 *   npx node bench/cli/start-phases.ts
 */
import { spawnSync } from 'node:child_process';
import module from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../../catalog/index.ts';

// What Node did before this line (start-up, this file's own imports) is the first phase.
const phases: Record<string, { wallMs: number; cpuMs: number }> = {};
const now = () => {
  const cpuUsage = process.threadCpuUsage();
  return { wall: performance.now(), cpu: (cpuUsage.user + cpuUsage.system) / 1000 };
};
const since = (at: { wall: number; cpu: number }) => {
  const end = now();
  return { wallMs: Math.round(end.wall - at.wall), cpuMs: Math.round(end.cpu - at.cpu) };
};
let last = { wall: 0, cpu: 0 };
const mark = (name: string) => {
  phases[name] = since(last);
  last = now();
};
mark('node start');

// As bin/klarmeld.js does: compiled code (and stripped TypeScript) from the disk cache.
module.enableCompileCache?.();
// The modules `klarmeld test` loads (its own cli/ files are few; nothing may import cli/).
const [{ loadCatalog, loadCatalogCached }, { runAndAttest }] = await Promise.all([
  import('../../catalog/index.ts'),
  import('../../conformance/runner/index.ts'),
  import('../../conformance/suites/index.ts'),
  import('../../conformance/framework/index.ts'),
  import('../../conformance/profile/index.ts'),
]);
mark('modules');

// As a second `klarmeld test` finds it: the catalogue in the cache, written by another process,
// so that nothing here has parsed it (the loader's code stays as cold as in the command).
const cacheDir = await mkdtemp(join(tmpdir(), 'klarmeld-bench-cache-'));
let catalog: Catalog;
try {
  const catalogIndex = new URL('../../catalog/index.ts', import.meta.url).href;
  const writer = spawnSync(process.execPath, [
    '--input-type=module',
    '-e',
    `await (await import(${JSON.stringify(catalogIndex)})).loadCatalogCached({ cacheDir: ${JSON.stringify(cacheDir)} });`,
  ]);
  if (writer.status !== 0) throw new Error(`writing the catalogue cache failed: ${writer.stderr}`);
  mark('(catalogue cache written, by another process)');
  const cached = await loadCatalogCached({ cacheDir });
  if (cached.cache !== 'hit') throw new Error(`the catalogue cache did not answer (${cached.cache})`);
  catalog = cached.catalog;
  mark('catalogue from the cache');
} finally {
  await rm(cacheDir, { recursive: true, force: true });
}

const profileFile = fileURLToPath(new URL('../../examples/reference-system/klarmeld.yaml', import.meta.url));
// Each run also by the runner's own steps (its onPhase), so that cold minus warm says where a new
// process pays: the platform's start, the wait for the system, or the suites themselves.
const stepAfter = (text: string) =>
  text.startsWith('Starting the embedded')
    ? 'platform start'
    : text.startsWith('Starting the system')
      ? 'system start'
      : text.startsWith('Running')
        ? 'suites, attestation, shutdown'
        : text;
for (const name of ['run, cold', 'run, warm']) {
  let step = { name: 'profile and suites', at: now() };
  const onPhase = (text: string) => {
    phases[`${name}: ${step.name}`] = since(step.at);
    step = { name: stepAfter(text), at: now() };
  };
  const { document } = await runAndAttest({ profileFile, catalog, toolVersion: 'bench', onPhase });
  if (document.summary.exitCode !== 0) throw new Error(`${name} exited ${document.summary.exitCode}`);
  phases[`${name}: ${step.name}`] = since(step.at);
  mark(name);
}
// What a start without the cache (or after a change to the catalogue) pays instead; after the runs,
// which no longer parse the catalogue, so the loader's code is still cold here.
await loadCatalog();
mark('catalogue parsed and checked');
process.stdout.write(`${JSON.stringify(phases)}\n`);
