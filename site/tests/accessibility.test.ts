import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import { browserMissingReason, launchChromium } from './support/browser.ts';
import { ensureSiteBuilt } from './support/site-build.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';
import { testSheetEnv } from './support/test-sheet.ts';

const missing = browserMissingReason();
if (missing) console.warn(`Skipping the site's accessibility tests: ${missing}`);
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe.skipIf(missing !== undefined)(
  missing ? `accessibility with axe-core (skipped: ${missing})` : 'accessibility with axe-core',
  () => {
    let browser: Browser;
    let server: StaticServer;
    let systemId: string;

    beforeAll(async () => {
      const dist = await ensureSiteBuilt(await testSheetEnv());
      server = await serveStatic(dist);
      browser = await launchChromium();
      const { catalog } = await loadCatalog();
      systemId = catalog.systems.find((s) => s.areas.includes('Y14'))?.id ?? catalog.systems[0]!.id;
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const serious = async (path: string, viewport = { width: 1280, height: 720 }): Promise<string[]> => {
      const page = await browser.newPage({ viewport });
      try {
        await page.goto(`${server.url}${path}`);
        await page.addScriptTag({ path: axePath });
        const violations = (await page.evaluate(async () => {
          const result = await (
            globalThis as unknown as { axe: { run(ctx: Document): Promise<{ violations: Violation[] }> } }
          ).axe.run(document);
          return result.violations;
        })) as Violation[];
        return violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.impact} ${v.id}: ${v.help} at ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(', ')}`,
          );
      } finally {
        await page.close();
      }
    };

    it('finds no serious or critical violations on the landing page', async () => {
      expect(await serious('/')).toEqual([]);
    });

    it('finds no serious or critical violations on an integration page', async () => {
      expect(await serious('/integrationer/sf1500/')).toEqual([]);
    });

    it('finds no serious or critical violations on a system report', async () => {
      expect(await serious(`/systemer/${systemId}/`)).toEqual([]);
    });

    it('finds no serious or critical violations on the onboarding matrix', async () => {
      expect(await serious('/klarmelding/')).toEqual([]);
    });

    // On a phone tables may scroll sideways inside their own box, which must then be reachable by keyboard.
    it('finds no serious or critical violations on a phone (390 px): landing page, integration pages, system report, matrix', async () => {
      const phone = { width: 390, height: 844 };
      const found: string[] = [];
      for (const path of [
        '/',
        '/integrationer/sf1500/',
        '/integrationer/sf1520/',
        '/integrationer/sf1461/',
        `/systemer/${systemId}/`,
        '/klarmelding/',
        '/en/integrationer/sf1470/',
      ]) {
        found.push(...(await serious(path, phone)).map((v) => `${path}: ${v}`));
      }
      expect(found).toEqual([]);
    }, 60_000);
  },
);
