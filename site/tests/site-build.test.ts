import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import type { Catalog } from '../../catalog/index.ts';
import { idSlug } from '../src/data/paths.ts';
import { findBrokenLinks } from './support/links.ts';
import { ensureSiteBuilt } from './support/site-build.ts';
import { testSheetEnv } from './support/test-sheet.ts';

let dist: string;
let catalog: Catalog;

beforeAll(async () => {
  const sheet = await testSheetEnv();
  dist = await ensureSiteBuilt(sheet);
  ({ catalog } = await loadCatalog());
}, 300_000);

const page = (...parts: string[]) => join(dist, ...parts, 'index.html');

describe('the built site', () => {
  it('has a page for every integration, area, use case, package, supplier and system, in Danish and English', () => {
    const expected = [
      ...catalog.integrations.map((i) => ['integrationer', idSlug(i.id)]),
      ...catalog.areas.map((a) => ['ydelsesomraader', idSlug(a.id)]),
      ...catalog.areas.flatMap((a) => a.useCases.map((u) => ['ydelsesomraader', idSlug(a.id), idSlug(u.id)])),
      ...catalog.packages.map((p) => ['pakker', idSlug(p.id)]),
      ...catalog.suppliers.map((s) => ['leverandoerer', s.cvr]),
      ...catalog.systems.map((s) => ['systemer', s.id]),
    ];
    expect(expected.length).toBeGreaterThan(30);
    const missing = expected
      .flatMap((parts) => [parts, ['en', ...parts]])
      .filter((parts) => !existsSync(page(...parts)));
    expect(missing).toEqual([]);
  });

  it('renders the Bruger operations laes, soeg and list on the SF1500 page from its contract', () => {
    const html = readFileSync(page('integrationer', 'sf1500'), 'utf8');
    for (const op of ['laes', 'soeg', 'list']) expect(html).toContain(`id="op-bruger-${op}"`);
    expect(html).toContain('http://kombit.dk/sts/organisation/bruger/laes');
  });

  it('says on each system page, before any run, which required integrations klarmeld can test and why not (issue 12)', () => {
    // The coverage cell of the required integration's row in the connection report, by integration.
    const coverage = (html: string) =>
      new Map(
        html
          .split('<tr')
          .filter((row) => row.includes('km-coverage'))
          .map((row) => [
            row.match(/integrationer\/(sf\d{4}|sapa-dialog)/i)?.[1],
            row.slice(row.indexOf('km-coverage')),
          ]),
      );
    const da = coverage(readFileSync(page('systemer', 'jobcenter-y14-eksempel'), 'utf8'));
    const en = coverage(readFileSync(page('en', 'systemer', 'jobcenter-y14-eksempel'), 'utf8'));
    // The same as klarmeld catalog coverage --system jobcenter-y14-eksempel.
    expect(da.get('sf1520')).toMatch(/data-suite="hand-written"[^]*håndskrevet suite/);
    expect(da.get('sf1490')).toMatch(/data-suite="generic"[^]*generisk suite/);
    expect(da.get('sf1690')).toMatch(/data-suite="none"[^]*ingen suite[^]*kontrakt ikke offentliggjort/);
    expect(da.get('sf2900')).toMatch(/ingen suite[^]*kontrakt ikke importeret/);
    // The Context Handler's login: its web-login suite, made from the IdP metadata.
    expect(da.get('sf1511')).toMatch(/data-suite="generic"/);
    expect(en.get('sf1490')).toContain('generic suite');
    expect(en.get('sf1690')).toMatch(/no suite[^]*contract not published/);
    expect(en.get('sf2900')).toContain('contract not imported');
  });

  it("lists the generic suites where it lists suites: on the integration's page, with its tests", () => {
    const html = readFileSync(page('integrationer', 'sf1490'), 'utf8');
    expect(html).toContain('data-suite="generic"');
    expect(html).toContain('npx klarmeld test --integration SF1490');
    expect(readFileSync(page('integrationer', 'sf1520'), 'utf8')).not.toContain('data-suite="generic"');
  });

  it('offers the contract files for download', () => {
    const html = readFileSync(page('integrationer', 'sf1520'), 'utf8');
    const links = [...html.matchAll(/href="(\/kontrakter\/[^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(existsSync(join(dist, decodeURIComponent(link)))).toBe(true);
  });

  it('has no broken internal links', async () => {
    const { pages, links, broken } = await findBrokenLinks(dist);
    expect(pages).toBeGreaterThan(100);
    expect(links).toBeGreaterThan(1000);
    expect(broken.slice(0, 20)).toEqual([]);
  });

  it('has a search index that works offline', () => {
    expect(existsSync(join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(dist, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  });
});
