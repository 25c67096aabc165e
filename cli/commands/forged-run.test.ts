import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/catalog.ts';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { SheetStore } from '../../conformance/onboarding/index.ts';
import type { RunningPlatform } from '../../conformance/platform/server/start-platform.ts';
import { startTestPlatform } from '../../conformance/platform/testing/test-platform.ts';
import { forgeRun, type ForgeOutcome } from '../../bench/abuse/forge-run.ts';
import { klarmeld } from '../testing/klarmeld.ts';

// Issue 9: one supplier's certificate must never make another supplier's system look ready.
describe("a run for another supplier's system, made with one's own certificate and exchanges", () => {
  let platform: RunningPlatform;
  let catalog: Catalog;
  let forged: ForgeOutcome;
  let dir: string;

  beforeAll(async () => {
    catalog = (await loadCatalog()).catalog;
    platform = await startTestPlatform({ catalog });
    dir = await mkdtemp(join(tmpdir(), 'forged-'));
    forged = await forgeRun({ platform, catalog, attacker: 'reference-system', victim: 'jobcenter-plus', dir });
  });
  afterAll(async () => {
    await platform?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is refused by the platform when the attestation names the victim', () => {
    expect(forged.integrations).toHaveLength(5);
    expect(forged.signForVictim.status).toBe(403);
    expect(JSON.parse(forged.signForVictim.body)).toMatchObject({
      code: 'evidence.other-system',
      message: expect.stringContaining('The run is for JobcenterPlus (jobcenter-plus, it-system b3d1c4dd-819a-4a63-b494-d917e5400d48), but the calling certificate is it-system 9577de43-'),
    });
  });

  it('fails klarmeld verify --key when the attestation names the attacker instead', async () => {
    expect(forged.signForSelf.status).toBe(200);
    const result = await klarmeld('verify', forged.runFile, '--key', forged.keyFile, '--json');
    expect(result.exit).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.problems.map((p: { code: string }) => p.code)).toEqual(['system-not-attested', 'system-mismatch']);
    expect(report.system).toMatchObject({ id: 'reference-system', uuid: '9577de43-54b4-4a8d-9ec4-b871ca32fba8', catalogue: 'other-it-system' });
  });

  it('records nothing with klarmeld sheet record --key, even in a sheet that trusts the platform key', async () => {
    const sheet = join(dir, 'sheet.sqlite');
    expect((await klarmeld('sheet', 'trust-key', forged.keyFile, '--name', 'KOMBIT test platform', '--sheet', sheet)).exit).toBe(0);
    const result = await klarmeld('sheet', 'record', forged.runFile, '--key', forged.keyFile, '--sheet', sheet);
    expect(result.exit).toBe(1);
    expect(result.stderr).toContain('Nothing recorded');
    const store = SheetStore.open(sheet);
    try {
      expect(store.current().filter((e) => e.system === 'jobcenter-plus' && e.source === 'run')).toEqual([]);
    } finally {
      store.close();
    }
  });
});
