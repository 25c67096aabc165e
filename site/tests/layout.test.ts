import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import { idSlug } from '../src/data/paths.ts';
import { browserMissingReason, launchChromium } from './support/browser.ts';
import { ensureSiteBuilt } from './support/site-build.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';
import { testSheetEnv } from './support/test-sheet.ts';
import {
  brokenHeaderWords,
  openAllOperations,
  overflowing,
  pastContentColumn,
  scrollingTables,
} from './support/layout-probes.ts';

const missing = browserMissingReason();
if (missing) console.warn(`Skipping the site's layout tests: ${missing}`);

/** One page of every kind, and every integration and system page (they differ most). */
async function pagesToCheck(): Promise<string[]> {
  const { catalog } = await loadCatalog();
  const area = catalog.areas.find((a) => a.useCases.length > 0)!;
  return [
    '/',
    '/guider/rapporter/',
    '/integrationer/',
    '/systemer/',
    '/pakker/',
    '/leverandoerer/',
    '/ydelsesomraader/',
    '/klarmelding/',
    `/ydelsesomraader/${idSlug(area.id)}/`,
    `/ydelsesomraader/${idSlug(area.id)}/${idSlug(area.useCases[0]!.id)}/`,
    `/pakker/${idSlug(catalog.packages[0]!.id)}/`,
    `/leverandoerer/${catalog.suppliers[0]!.cvr}/`,
    ...catalog.integrations.map((i) => `/integrationer/${idSlug(i.id)}/`),
    ...catalog.systems.map((s) => `/systemer/${s.id}/`),
    '/en/integrationer/sf1520/',
    '/en/systemer/jobcenter-y14-eksempel/',
    '/en/klarmelding/',
  ];
}

describe.skipIf(missing !== undefined)(
  missing ? `the site's layout (skipped: ${missing})` : "the site's layout",
  () => {
    let browser: Browser;
    let server: StaticServer;
    let paths: string[];

    beforeAll(async () => {
      const dist = await ensureSiteBuilt(await testSheetEnv());
      server = await serveStatic(dist);
      browser = await launchChromium();
      paths = await pagesToCheck();
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const withPage = async <T>(width: number, run: (page: Page) => Promise<T>): Promise<T> => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      try {
        return await run(page);
      } finally {
        await page.close();
      }
    };

    // Each page is loaded once per width and measured for everything a reader would notice there.
    it("at 390 px: nothing on any kind of page is wider than the screen (open operations included), no table header breaks inside a word, and a system's connection report does not scroll sideways", async () => {
      const found = await withPage(390, async (page) => {
        const problems: string[] = [];
        for (const path of paths) {
          await page.goto(`${server.url}${path}`);
          await openAllOperations(page);
          const { scrollWidth, wide } = await overflowing(page);
          if (scrollWidth > 390 || wide.length > 0)
            problems.push(`${path}: page ${scrollWidth} px wide; ${wide.slice(0, 3).join('; ')}`);
          problems.push(
            ...(await brokenHeaderWords(page)).map((w) => `${path}: header word "${w}" broken across lines`),
          );
          // A connection report is read on a phone too: its rows stack instead of scrolling sideways.
          if (/\/systemer\/[^/]+\/$/.test(path))
            problems.push(...(await scrollingTables(page)).map((p) => `${path}: ${p}`));
        }
        return problems;
      });
      expect(found).toEqual([]);
    }, 180_000);

    it('at 1280 px: soapActions, fields and tables stay inside the content column, clear of the table of contents, no table scrolls sideways, and no table header breaks inside a word', async () => {
      const found = await withPage(1280, async (page) => {
        const problems: string[] = [];
        for (const path of paths) {
          await page.goto(`${server.url}${path}`);
          await openAllOperations(page);
          problems.push(...(await pastContentColumn(page)).map((p) => `${path}: ${p}`));
          problems.push(...(await scrollingTables(page)).map((p) => `${path}: ${p}`));
          problems.push(
            ...(await brokenHeaderWords(page)).map((w) => `${path}: header word "${w}" broken across lines`),
          );
        }
        return problems;
      });
      expect(found.slice(0, 10)).toEqual([]);
    }, 180_000);

    it('offers the other language at every width, and it leads to the same page', async () => {
      for (const width of [390, 800, 1280]) {
        await withPage(width, async (page) => {
          await page.goto(`${server.url}/integrationer/sf1500/`);
          const english = page.getByRole('link', { name: 'English', exact: true }).locator('visible=true');
          await expect(english.count(), `a visible "English" at ${width} px`).resolves.toBeGreaterThan(0);
          await english.first().click();
          await page.waitForURL('**/en/integrationer/sf1500/');
          const danish = page.getByRole('link', { name: 'Dansk', exact: true }).locator('visible=true');
          await expect(danish.count(), `a visible "Dansk" at ${width} px`).resolves.toBeGreaterThan(0);
        });
      }
    }, 60_000);

    it('hides the matrix columns that no shown system requires, and shows them again when the filter is cleared', async () => {
      await withPage(1280, async (page) => {
        await page.goto(`${server.url}/klarmelding/`);
        const visibleColumns = () =>
          page
            .locator('#km-matrix thead th:not(.km-corner)')
            .evaluateAll((ths) => ths.filter((th) => th.checkVisibility()).map((th) => th.textContent!.trim()));
        const all = await visibleColumns();
        await page.selectOption('select[name="area"]', 'Y14');
        const shown = await visibleColumns();
        const required = await page.locator('#km-matrix').evaluate((table: HTMLTableElement) => {
          const heads = [...table.tHead!.rows[0]!.cells].map((c) => c.textContent!.trim());
          const used = new Set<string>();
          for (const row of table.tBodies[0]!.rows) {
            if (row.hidden) continue;
            for (const cell of row.cells) if (cell.tagName === 'TD' && cell.className) used.add(heads[cell.cellIndex]!);
          }
          return [...used];
        });
        expect(shown.length).toBeGreaterThan(0);
        expect(shown.length).toBeLessThan(all.length);
        expect(shown.sort()).toEqual(required.sort());
        await page.selectOption('select[name="area"]', '');
        await expect(visibleColumns()).resolves.toHaveLength(all.length);
      });
    }, 60_000);
  },
);
