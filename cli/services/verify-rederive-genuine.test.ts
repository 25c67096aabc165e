import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { findSystem } from '../../catalog/index.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { startPlatform } from '../../conformance/platform/index.ts';
import { runAndAttest } from '../../conformance/runner/index.ts';
import { referenceRun } from './verify-rederive-run.ts';
import { verifyAndRederive } from './verify-rederive.ts';

// Genuine runs that did not go smoothly still re-derive: what the runner decided without a
// test body, and where a body's time ran out, follow from the run as much as any verdict.
let catalog: Catalog;
beforeAll(async () => {
  catalog = (await loadCatalog()).catalog;
});
const codes = (report: { problems: { code: string; test?: string }[] }) =>
  report.problems.map((p) => `${p.code}${p.test ? ` ${p.test}` : ''}`);

describe('a genuine run whose tests ran out of time', () => {
  it("re-derives: a replay stops where the run's time ran out (a call still waiting) and judges the test timed out", async () => {
    const run = await referenceRun({ catalog, integrations: ['SF1520', 'SF1461'], timeoutMs: 10 });
    await run.close();
    const timedOut = run.document.replay!.tapes.filter((t) => t.timedOut);
    expect(timedOut.length).toBeGreaterThan(2);
    expect(timedOut.some((t) => t.entries.at(-1)?.pending)).toBe(true);
    const report = await verifyAndRederive(run.document, { catalog });
    expect(codes(report)).toEqual([]);
    expect(report.rederived!.agreed).toBe(report.rederived!.replayed);
  }, 60_000);
});

describe('a genuine run that met an environment error', () => {
  const temp = tempDirs();

  it('re-derives: the tests after it are skipped without a tape, as the runner skips them, and nothing else is', async () => {
    const dir = await temp.make('rederive-');
    const platform = await startPlatform({ port: 0, dataDir: join(dir, 'platform'), catalog });
    try {
      const system = findSystem(catalog, 'reference-system')!;
      const added = await platform.admin.addSystem({ name: system.name, uuid: system.userSystemUuid });
      platform.admin.addAgreement({ system: added.systemUuid, service: 'SF1520', municipalityCvr: '11111111' });
      const profile = join(dir, 'klarmeld.yaml');
      // No system runs behind this trigger: the first test that asks it to act meets a dead hook.
      await writeFile(
        profile,
        `system: reference-system\nplatform:\n  url: ${platform.url}\ncertificate:\n  cert: ${added.cert}\n  key: ${added.key}\n  ca: ${added.ca}\ntrigger:\n  url: http://127.0.0.1:9/trigger\n`,
      );
      const { document } = await runAndAttest({ profileFile: profile, catalog, integrations: ['SF1520'] });
      expect(document.summary.verdict).toBe('environment');
      expect(
        document.tests.filter((t) => t.message?.startsWith('Not run: the environment failed earlier')).length,
      ).toBeGreaterThan(3);
      const report = await verifyAndRederive(document, { catalog });
      expect(codes(report)).toEqual([]);
      // On KOMBIT's external test environment the recorder is a door the run lacks: its tests skip with the run's reason.
      await writeFile(
        profile,
        `system: reference-system\ntarget: external-test\nplatform:\n  url: ${platform.url}\ncertificate:\n  cert: ${added.cert}\n  key: ${added.key}\n  ca: ${added.ca}\n`,
      );
      const external = (await runAndAttest({ profileFile: profile, catalog, integrations: ['SF1520'] })).document;
      expect(
        external.tests.filter((t) => t.result === 'skip' && /recorder/.test(t.message ?? '')).length,
      ).toBeGreaterThan(3);
      // (KOMBIT's environment signs nothing: the run is not attested, but its verdicts re-derive.)
      expect((await verifyAndRederive(external, { catalog })).rederived!.problems).toEqual([]);
    } finally {
      await platform.stop();
    }
  }, 60_000);
});
