import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SheetStore } from '../../conformance/onboarding/index.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { buildSiteWithSheet, siteBuildCommand } from './demo-site.ts';

const temp = tempDirs();

/** The environment without what Vitest adds (VITEST, MODE, DEV …), which would make Vite build for development. */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (/^(VITEST|VITE_)/.test(key) || ['DEV', 'PROD', 'MODE', 'TEST', 'SSR', 'BASE_URL'].includes(key))
      delete env[key];
  return env;
}

describe('the site with the demo’s statuses', () => {
  it('is built by a command that names the sheet, quoted where a shell needs it', () => {
    expect(siteBuildCommand('.klarmeld/demo/sheet.sqlite')).toBe(
      'KLARMELD_SHEET=.klarmeld/demo/sheet.sqlite npm run site:build',
    );
    expect(siteBuildCommand("/tmp/my demo/it's.sqlite")).toBe(
      `KLARMELD_SHEET='/tmp/my demo/it'\\''s.sqlite' npm run site:build`,
    );
  });

  it('shows the sheet’s recorded status, with its date, on the system page, and the catalogue’s where the sheet has none', async () => {
    const dir = await temp.make('demo-site-');
    const sheet = join(dir, 'sheet.sqlite');
    const store = SheetStore.open(sheet, { clock: () => new Date('2026-11-02T09:30:00Z') });
    store.append([
      {
        system: 'reference-system',
        integration: 'SF1520',
        status: 'klarmeldt',
        actor: 'klarmeld demo',
        source: 'run',
        evidence: { runId: 'run-demo', digest: 'b'.repeat(64) },
      },
    ]);
    store.close();
    // A second demo building at the same time, with a sheet that does not exist: builds of one
    // site share Astro's caches, so each must wait for the other and both must come out whole.
    const noSheet = join(dir, 'no-sheet.sqlite');
    const [{ dir: site }, { dir: other }] = await Promise.all([
      buildSiteWithSheet({ sheet, env: buildEnv(), outDir: join(dir, 'dist') }),
      buildSiteWithSheet({ sheet: noSheet, env: buildEnv(), outDir: join(dir, 'dist-without-sheet') }),
    ]);
    const page = (root: string, system: string) => readFile(join(root, 'systemer', system, 'index.html'), 'utf8');
    const reference = await page(site, 'reference-system');
    // The page says the statuses come from the sheet, but never where the build machine keeps it.
    expect(reference).toContain('Status fra onboarding-arket.');
    expect(reference).not.toContain(dir);
    // KOMBIT's sheet word beside the connection report's code (issue 11).
    expect(reference).toContain('<span class="km-report-code">🟢 1. Ja</span>');
    expect(reference).toContain('datetime="2026-11-02T09:30:00.000Z"');
    // jobcenter-plus has no event in this sheet; systems.yaml declares SF1514 klarmeldt for it, with no date.
    const declared = await page(site, 'jobcenter-plus');
    expect(declared).toContain('<span class="km-report-code">🟢 1. Ja</span>');
    expect(declared).toMatch(
      /<small class="km-muted" title="Registreret af KOMBIT i kataloget[^"]*">\(katalog\)<\/small>/,
    );
    expect(reference).not.toContain('(katalog)');

    const without = await page(other, 'reference-system');
    expect(without).toContain('Der er intet onboarding-ark på stien i KLARMELD_SHEET: <code>no-sheet.sqlite</code>');
    expect(without).not.toContain(dir);
    expect(without).not.toContain('2026-11-02');
    for (const root of [site, other]) expect((await readdir(join(root, 'systemer'))).length).toBeGreaterThan(10);
  }, 300_000);
});
