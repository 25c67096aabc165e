/**
 * KOMBIT's scale (issue 11): 230 SKI systems × 40 integrations. Generates KOMBIT's system
 * inventory and imports it into a copy of the catalogue (`catalog import-systems --write`), fills
 * the sheet from a workbook in KOMBIT's layout (`sheet import`), exports it (`sheet export
 * --xlsx`), prints the matrix and one connection report, and builds the site for that catalogue
 * and sheet. Goals: import and export each ≤ 2 s (wall time of the whole command, Node start
 * included). Everything happens in a temp directory, through the `klarmeld` command.
 *
 *   npx node bench/onboarding/kombit-scale.ts [--systems 230] [--integrations 40] [--no-site] [--keep]
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { headerOf } from '../../conformance/onboarding/index.ts';
import { writeExtraIntegrations, writeInventory, writeKombitWorkbook } from './generate-inventory.ts';

const { values } = parseArgs({
  options: {
    systems: { type: 'string', default: '230' },
    integrations: { type: 'string', default: '40' },
    'no-site': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const bin = join(root, 'bin', 'klarmeld.js');

async function timed(
  label: string,
  args: string[],
  env: Record<string, string> = {},
  goal?: number,
): Promise<{ seconds: number; out: string }> {
  const started = performance.now();
  let out = '';
  const exit = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (b: Buffer) => (out += b));
    child.stderr.on('data', (b: Buffer) => (out += b));
    child.on('error', fail);
    child.on('close', done);
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label}: ${seconds.toFixed(2)} s${goal ? ` (goal ≤ ${goal} s: ${seconds <= goal ? 'met' : 'MISSED'})` : ''}, exit ${exit}`,
  );
  if (exit !== 0 && exit !== 1) throw new Error(`${label} failed (exit ${exit}):\n${out.slice(-2000)}`);
  return { seconds, out };
}

const work = await mkdtemp(join(tmpdir(), 'klarmeld-bench-kombit-'));
console.log(
  `${new Date().toISOString()} nproc ${cpus().length} × ${cpus()[0]?.model}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, Node ${process.version}; work ${work}`,
);
try {
  const data = join(work, 'data');
  await cp(join(root, 'catalog', 'data'), data, { recursive: true });
  const shipped = (await loadCatalog(data)).catalog;
  await writeExtraIntegrations(data, shipped, Number(values.integrations));
  const inventory = join(work, 'inventory.csv');
  const systems = await writeInventory(inventory, shipped, Number(values.systems));

  const dry = await timed(
    `catalog import-systems (dry run, ${systems.length} systems)`,
    [bin, 'catalog', 'import-systems', inventory, '--dir', data],
    {},
    2,
  );
  console.log(`  ${dry.out.split('\n')[0]}`);
  await timed(
    `catalog import-systems --write (${systems.length} systems)`,
    [bin, 'catalog', 'import-systems', inventory, '--dir', data, '--write'],
    {},
    2,
  );
  const check = await timed('catalog check', [bin, 'catalog', 'check', '--dir', data]);
  console.log(
    `  ${check.out
      .split('\n')
      .filter((l) => /SKI systems|valid|error/.test(l))
      .join(' / ')}`,
  );

  const catalog = (await loadCatalog(data)).catalog;
  const columns = catalog.integrations.map((i) => ({ id: i.id, header: headerOf(i.id, i.title) }));
  const workbook = join(work, 'kombit.xlsx');
  const cells = await writeKombitWorkbook(workbook, systems, columns);
  console.log(`KOMBIT workbook: ${systems.length} systems × ${columns.length} integrations, ${cells} filled cells`);
  const sheet = join(work, 'sheet.sqlite');
  const env = { KLARMELD_SHEET: sheet };
  const imported = await timed(
    `sheet import (${systems.length} × ${columns.length})`,
    [bin, 'sheet', 'import', workbook, '--catalog', data, '--sheet', sheet],
    env,
    2,
  );
  console.log(`  ${imported.out.split('\n').filter(Boolean).slice(0, 2).join(' / ')}`);
  await timed(
    `sheet export --xlsx (${systems.length} × ${columns.length})`,
    [bin, 'sheet', 'export', '--xlsx', join(work, 'export.xlsx'), '--catalog', data, '--sheet', sheet],
    env,
    2,
  );
  const show = await timed('sheet show', [bin, 'sheet', 'show', '--catalog', data, '--sheet', sheet], env);
  console.log(`  sheet show: ${show.out.split('\n').length} lines`);
  await timed(
    'sheet report fagsystem-001',
    [bin, 'sheet', 'report', 'fagsystem-001', '--catalog', data, '--sheet', sheet],
    env,
  );

  if (!values['no-site']) {
    const out = join(work, 'site');
    const build = await timed(
      `site build (${catalog.systems.length} systems)`,
      [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', 'site', '--outDir', out],
      { KLARMELD_CATALOG_DIR: data, KLARMELD_SHEET: sheet, NODE_ENV: 'production' },
    );
    let pages = 0;
    let bytes = 0;
    for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      if (entry.name.endsWith('.html')) pages++;
      bytes += (await stat(join(entry.parentPath, entry.name))).size;
    }
    console.log(
      `  site: ${pages} pages, ${(bytes / 1e6).toFixed(1)} MB, ${((build.seconds * 1000) / pages).toFixed(1)} ms/page`,
    );
  }
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
