import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../index.ts';
import { api } from '../testing/api-client.ts';

// Debian's chromium, as the site's browser tests use it; never a downloaded browser.
const chromiumPath = process.env.KLARMELD_CHROMIUM ?? '/usr/bin/chromium';
const missing = existsSync(chromiumPath)
  ? undefined
  : `no browser at ${chromiumPath}: apt-get install -y chromium, or set KLARMELD_CHROMIUM`;
const root = fileURLToPath(new URL('../../', import.meta.url));
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe.skipIf(missing !== undefined)(
  missing ? `the web front in Chromium (skipped: ${missing})` : 'the web front in Chromium',
  () => {
    let dir: string;
    let server: RunningServer;
    let browser: Browser;
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'klarmeld-web-browser-'));
      server = await startServer({ dataDir: join(dir, 'server') });
      tokens.kombit = (await readFile(server.adminToken.file, 'utf8')).trim();
      tokens.a = (
        await api(server.url, tokens.kombit, 'POST', '/api/identities', {
          role: 'supplier',
          cvr: '99990006',
          name: 'Leverandør A',
        })
      ).json.token;
      tokens.aalborg = (
        await api(server.url, tokens.kombit, 'POST', '/api/identities', {
          role: 'municipality',
          municipalityCode: '851',
        })
      ).json.token;
      // A real run judged by the server: supplier A's reference system through `klarmeld test --service … --record`, as a separate process.
      await promisify(execFile)(
        process.execPath,
        [
          join(root, 'bin/klarmeld.js'),
          'test',
          '--service',
          server.url,
          '--token',
          tokens.a!,
          '--profile',
          join(root, 'examples/reference-system/klarmeld.yaml'),
          '--record',
          '--json',
        ],
        { cwd: dir, maxBuffer: 64 * 1024 * 1024 },
      );
      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
    }, 240_000);
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    /** Presses Tab until the focused element's text or label matches, as a keyboard user moves; fails after 150 presses. */
    const tabTo = async (page: Page, wanted: RegExp) => {
      for (let i = 0; i < 150; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return `${el?.textContent ?? ''} ${el?.getAttribute('aria-label') ?? ''} ${el?.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : ''}`.trim();
        });
        if (wanted.test(focused)) return;
      }
      throw new Error(`Tab never reached ${wanted}`);
    };
    const signedIn = async (token: string, options: { bypassCSP?: boolean } = {}) => {
      const page = await (await browser.newContext(options)).newPage();
      await page.goto(server.url);
      await tabTo(page, /API-nøgle/);
      await page.keyboard.type(token);
      await page.keyboard.press('Enter');
      // The sign-in form is at / too: wait for the signed-in page, not the URL.
      await page.locator('.km-account strong').waitFor();
      return page;
    };

    it('signs a municipality in and approves an agreement with the keyboard only', async () => {
      const page = await signedIn(tokens.aalborg!);
      expect(await page.textContent('header')).toContain('Aalborg Kommune');
      await tabTo(page, /^Systemer og tilslutningsrapporter$/);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/systems$/);
      await tabTo(page, /^Jobcenter Y14-eksempel$/);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/systems\/jobcenter-y14-eksempel$/);
      await tabTo(page, /^Godkend SF1520$/);
      await page.keyboard.press('Enter');
      await page.waitForURL(/saved=1/);
      expect(await page.getByRole('status').textContent()).toBe('Gemt.');
      expect(await page.locator('tr[data-integration="SF1520"]').textContent()).toContain(
        'Seneste beslutning: godkendt',
      );
      expect(
        (await server.store.agreementDecisions({ municipalityCvr: '29189420' })).map(
          (d) => `${d.systemId} ${d.integration} ${d.decision}`,
        ),
      ).toEqual(['jobcenter-y14-eksempel SF1520 approved']);
      await page.context().close();
    });

    it("shows KOMBIT the judged run's status in the matrix with the evidence of KOMBIT's platform, in Danish and English", async () => {
      const page = await signedIn(tokens.kombit!);
      await page.goto(`${server.url}/matrix`);
      const cell = page.locator('tr[data-system="reference-system"] td[data-integration="SF1520"]');
      expect(await cell.locator('[aria-hidden="true"]').textContent()).toBe('K*');
      expect(await cell.locator('.vh').textContent()).toBe(
        'SF1520: Klarmeldt, kørsel på en platform KOMBIT har godkendt',
      );
      expect(await page.textContent('main')).toContain('* kørsel på en platform KOMBIT har godkendt');
      await page.goto(`${server.url}/en/matrix`);
      expect(await cell.locator('.vh').textContent()).toMatch(/^SF1520: .*, a run on a platform KOMBIT trusts$/);
      await page.goto(`${server.url}/en/systems/reference-system`);
      expect(await page.locator('tr[data-integration="SF1520"]').textContent()).toContain(
        'a run on a platform KOMBIT trusts',
      );
      await page.context().close();
    });

    it('has no accessibility violations (axe-core) on any page kind, for each role', async () => {
      const found: string[] = [];
      for (const [role, paths] of [
        ['kombit', ['/', '/matrix', '/programme', '/systems', '/systems/reference-system', '/keys', '/en/matrix']],
        ['aalborg', ['/', '/systems/jobcenter-y14-eksempel']],
        ['a', ['/runs', '/systems/reference-system']],
      ] as const) {
        const page = await signedIn(tokens[role]!, { bypassCSP: true });
        for (const path of paths) {
          await page.goto(`${server.url}${path}`);
          await page.addScriptTag({ path: axePath });
          const violations = await page.evaluate(
            async () =>
              (await (globalThis as any).axe.run(document)).violations as {
                id: string;
                impact: string;
                nodes: { target: string[] }[];
              }[],
          );
          found.push(
            ...violations.map(
              (v) =>
                `${role} ${path}: ${v.impact} ${v.id} at ${v.nodes
                  .slice(0, 2)
                  .map((n) => n.target.join(' '))
                  .join(', ')}`,
            ),
          );
        }
        await page.context().close();
      }
      const signedOut = await (await browser.newContext({ bypassCSP: true })).newPage();
      await signedOut.goto(server.url);
      await signedOut.addScriptTag({ path: axePath });
      found.push(
        ...(await signedOut.evaluate(async () =>
          ((await (globalThis as any).axe.run(document)).violations as { id: string }[]).map(
            (v) => `signed out /: ${v.id}`,
          ),
        )),
      );
      await signedOut.context().close();
      expect(found).toEqual([]);
    }, 60_000);

    it('fits a phone: at 390 px no page is wider than the screen (wide tables scroll inside their own region)', async () => {
      const wide: string[] = [];
      for (const [role, paths] of [
        ['kombit', ['/', '/matrix', '/programme', '/systems/reference-system', '/keys']],
        ['aalborg', ['/systems/jobcenter-y14-eksempel']],
      ] as const) {
        const page = await signedIn(tokens[role]!);
        await page.setViewportSize({ width: 390, height: 800 });
        for (const path of paths) {
          await page.goto(`${server.url}${path}`);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > 390) wide.push(`${role} ${path}: ${width} px`);
        }
        await page.context().close();
      }
      expect(wide).toEqual([]);
    });
  },
);
