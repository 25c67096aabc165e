import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import { requiredIntegrations } from '../../catalog/index.ts';
import { browserMissingReason, launchChromium } from './support/browser.ts';
import { ensureSiteBuilt, repoRoot } from './support/site-build.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';
import { testSheetEnv } from './support/test-sheet.ts';

const missing = browserMissingReason();
if (missing) console.warn(`Skipping the site's browser tests: ${missing}`);
const shots = join(repoRoot, 'test-artifacts', 'site');

/** The Y14 example system: KOMBIT's example connection report, with 15 mandatory integrations. */
async function y14Example(): Promise<{ id: string; name: string }> {
  const { catalog } = await loadCatalog();
  const system = catalog.systems.find(
    (s) =>
      s.areas.includes('Y14') &&
      requiredIntegrations(catalog, s.id).filter((r) => r.level === 'mandatory').length === 15,
  );
  if (!system) throw new Error('The catalogue has no Y14 system with 15 mandatory integrations');
  return system;
}

describe.skipIf(missing !== undefined)(
  missing ? `the site in a browser (skipped: ${missing})` : 'the site in a browser',
  () => {
    let browser: Browser;
    let server: StaticServer;
    let page: Page;
    const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });

    beforeAll(async () => {
      const dist = await ensureSiteBuilt(await testSheetEnv());
      await mkdir(shots, { recursive: true });
      server = await serveStatic(dist);
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('goes from the landing page to SF1500', async () => {
      await page.goto(`${server.url}/`);
      await expect(page.locator('h1').textContent()).resolves.toBe('klarmeld');
      await page.getByRole('link', { name: 'Se integrationerne' }).click();
      await page.waitForURL('**/integrationer/');
      await page.getByRole('link', { name: 'SF1500', exact: true }).click();
      await page.waitForURL('**/integrationer/sf1500/');
      await expect(page.locator('h1').textContent()).resolves.toMatch(/^SF1500 Organisation/);
      await shot('1-sf1500');
    });

    it('reads the laes operation of Bruger from the SF1500 contract', async () => {
      const operation = page.locator('#op-bruger-laes');
      await operation.locator('summary').click();
      await expect(operation.getAttribute('open')).resolves.not.toBeNull();
      const text = await operation.innerText();
      expect(text).toContain('http://kombit.dk/sts/organisation/bruger/laes');
      expect(text).toMatch(/Input/);
      expect(text).toMatch(/Output/);
      await operation.scrollIntoViewIfNeeded();
      await shot('2-bruger-laes');
    });

    it('finds integrations by name and by number with the offline search', async () => {
      await page.getByRole('button', { name: /Søg/ }).first().click();
      const input = page.locator('dialog[open] input');
      const results = page.locator('dialog[open] .pagefind-ui__results');
      await input.fill('Organisation');
      // Pagefind shows placeholder results (dots) first and fills them in as their fragments load.
      await expect.poll(() => results.innerText(), { timeout: 15_000 }).toContain('SF1500 Organisation');
      await shot('3-search-organisation');
      await input.fill('SF1520');
      await expect.poll(() => results.innerText(), { timeout: 15_000 }).toContain('SF1520 CPR');
      await page.keyboard.press('Escape');
    });

    it('filters the onboarding matrix by area Y14 and opens the Y14 example system report', async () => {
      const example = await y14Example();
      await page.goto(`${server.url}/klarmelding/`);
      const all = await page.locator('#km-matrix tbody tr:not([hidden])').count();
      await page.selectOption('select[name="area"]', 'Y14');
      const shown = page.locator('#km-matrix tbody tr:not([hidden])');
      const areas = await shown.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.area));
      expect(areas.length).toBeGreaterThan(0);
      expect(areas.length).toBeLessThan(all);
      for (const area of areas) expect(area!.split(' ')).toContain('Y14');
      expect(page.url()).toContain('area=Y14');
      await shot('4-matrix-y14');

      await shown.getByRole('link', { name: example.name, exact: true }).click();
      await page.waitForURL(`**/systemer/${example.id}/`);
      await expect(page.locator('h1').textContent()).resolves.toBe(example.name);
      await expect(page.locator('#mandatory').textContent()).resolves.toContain('(15)');
      await shot('5-y14-report');
    });

    it("shows KOMBIT's example report on the Y14 system's page: packages, KOMBIT skøn, 13 municipalities, 11 × 1. Ja, 3 × 5. Delvis, 1 × 2. Nej", async () => {
      const text = await page.locator('main').innerText();
      expect(text).toContain('KOMBIT skøn');
      const packages = await page.locator('.km-packages').allInnerTexts();
      expect(packages[0]).toMatch(
        /Obligatoriske integrationer[\s\S]*I-04 Sags- og dokumentindeks[\s\S]*I-08 Adgangsstyring for brugere \(context handler\)[\s\S]*I-14 Jobcenterintegration/,
      );
      expect(packages[1]).toMatch(
        /Supplerende integrationer[\s\S]*I-01 Sundhedsoplysninger[\s\S]*I-02 Personoplysninger[\s\S]*I-03 Pensionsoplysninger/,
      );
      const municipalities = await page.locator('#kommuner + ul li').allInnerTexts();
      expect(municipalities).toHaveLength(13);
      expect(municipalities).toContain('Fredericia Kommune');
      const codes = await page.locator('#mandatory + table .km-report-code').allInnerTexts();
      const count = (code: string) => codes.filter((c) => c.trim() === code).length;
      expect([count('🟢 1. Ja'), count('🚧 5. Delvis'), count('🔴 2. Nej')]).toEqual([11, 3, 1]);
      await expect(page.locator('#mandatory + table').innerText()).resolves.toMatch(
        /SF1470[\s\S]*tilsluttet i 1 af 13 kommuner/,
      );
      await expect(page.locator('#mandatory + table').innerText()).resolves.toContain('pakke ikke oplyst');
    });
  },
);
