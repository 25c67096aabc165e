/**
 * Site benchmark: builds the shipped site, then the site for a generated catalogue of 1,000
 * integrations and 700 systems, and reports build time per page and output size.
 * Goal (issue 5): at most 20 ms per page and 150 MB for the large one.
 *
 *   npx node bench/site/run.ts
 */
import { spawn } from 'node:child_process';
import { cpus, freemem, totalmem } from 'node:os';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { generateCatalog } from './generate-catalog.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

async function build(outDir: string, env: Record<string, string>): Promise<number> {
  const start = performance.now();
  await new Promise<void>((done, fail) => {
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', 'site', '--outDir', outDir],
      {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', ...env },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`astro build exited with ${code}`))));
  });
  return performance.now() - start;
}

async function measure(dir: string): Promise<{ pages: number; bytes: number }> {
  let pages = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    if (entry.name.endsWith('.html')) pages++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { pages, bytes };
}

async function run(label: string, outDir: string, env: Record<string, string>) {
  const ms = await build(outDir, env);
  const { pages, bytes } = await measure(outDir);
  const row = { label, pages, seconds: ms / 1000, msPerPage: ms / pages, megabytes: bytes / 1e6 };
  console.log(
    `${label}: ${pages} pages in ${row.seconds.toFixed(1)} s = ${row.msPerPage.toFixed(1)} ms/page, ${row.megabytes.toFixed(1)} MB`,
  );
  return row;
}

/**
 * Fails unless the built site says it has no onboarding sheet at `sheet`: the bench measures the
 * site without one, and a sheet's statuses and history would change the numbers.
 */
async function expectNoSheet(outDir: string, sheet: string): Promise<void> {
  const page = await readFile(join(outDir, 'klarmelding', 'index.html'), 'utf8');
  if (!page.includes(`<code>${sheet}</code>`) || !page.includes('Intet onboarding-ark')) {
    throw new Error(
      `The site in ${outDir} does not say it has no onboarding sheet at ${sheet}; the bench would measure a site with statuses from a sheet.`,
    );
  }
}

const work = await mkdtemp(join(tmpdir(), 'klarmeld-bench-site-'));
try {
  // No sheet, said explicitly: an empty KLARMELD_SHEET is unset to the site, which then reads the
  // CLI's default .klarmeld/sheet.sqlite, perhaps a developer's. Nothing writes this path.
  const sheet = join(work, 'no-sheet.sqlite');
  const shipped = await run('shipped catalogue', join(work, 'shipped'), { KLARMELD_SHEET: sheet });
  await expectNoSheet(join(work, 'shipped'), sheet);
  const generated = join(work, 'catalog');
  await generateCatalog(generated, join(root, 'catalog'), { integrations: 1000, systems: 700 });
  const { catalog, problems } = await loadCatalog(join(generated, 'data'));
  if (problems.some((p) => p.severity !== 'warning')) {
    console.error(problems.slice(0, 5));
    throw new Error(`The generated catalogue has ${problems.length} problems`);
  }
  console.log(`generated: ${catalog.integrations.length} integrations, ${catalog.systems.length} systems`);
  const large = await run('1,000 integrations × 700 systems', join(work, 'large'), {
    KLARMELD_CATALOG_DIR: join(generated, 'data'),
    KLARMELD_SHEET: sheet,
  });
  await expectNoSheet(join(work, 'large'), sheet);
  console.log('\n| catalogue | pages | build | ms/page | output |\n|---|---:|---:|---:|---:|');
  for (const r of [shipped, large])
    console.log(
      `| ${r.label} | ${r.pages} | ${r.seconds.toFixed(1)} s | ${r.msPerPage.toFixed(1)} | ${r.megabytes.toFixed(1)} MB |`,
    );
  console.log(
    `\nmachine: ${cpus().length} cores, ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} free), Node ${process.version}`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
