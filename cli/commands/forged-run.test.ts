import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { SheetStore } from '../../conformance/onboarding/index.ts';
import type { RunningPlatform } from '../../conformance/platform/index.ts';
import { startTestPlatform } from '../../conformance/platform/testing/test-platform.ts';
import { forgeRun, type ForgeOptions, type ForgeOutcome } from '../../bench/abuse/forge-run.ts';
import { klarmeld } from '../testing/klarmeld.ts';

// Issue 9: one supplier's certificate must never make another supplier's system look ready.
describe("a run for another supplier's system, made with one's own certificate and exchanges", () => {
  const platforms: RunningPlatform[] = [];
  let catalog: Catalog;
  let dir: string;
  const forged: Record<string, ForgeOutcome> = {};
  // The attacker holds a catalogued system's certificate, or one the operator registered by hand
  // (a random UUID no catalogue lists); it names the victim by id or by it-system UUID.
  const variants: Record<string, Pick<ForgeOptions, 'attacker' | 'nameVictimBy'>> = {
    'catalogued attacker, victim by id': { attacker: 'reference-system', nameVictimBy: 'id' },
    'catalogued attacker, victim by UUID': { attacker: 'reference-system', nameVictimBy: 'uuid' },
    'uncatalogued attacker, victim by id': { nameVictimBy: 'id' },
    'uncatalogued attacker, victim by UUID': { nameVictimBy: 'uuid' },
  };

  beforeAll(async () => {
    catalog = (await loadCatalog()).catalog;
    dir = await mkdtemp(join(tmpdir(), 'forged-'));
    // One platform per variant: each registers its attacker afresh.
    for (const [name, variant] of Object.entries(variants)) {
      const platform = await startTestPlatform({ catalog });
      platforms.push(platform);
      forged[name] = await forgeRun({
        platform,
        catalog,
        victim: 'jobcenter-plus',
        dir: await mkdtemp(join(dir, 'variant-')),
        ...variant,
      });
    }
  });
  afterAll(async () => {
    await Promise.all(platforms.map((p) => p.stop()));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe.each(Object.keys(variants))('%s', (name) => {
    it('is refused by the platform when the attestation names the victim', () => {
      expect(forged[name]!.integrations).toHaveLength(5);
      expect(forged[name]!.signForVictim.status).toBe(403);
      expect(JSON.parse(forged[name]!.signForVictim.body)).toMatchObject({
        code: 'evidence.other-system',
        message: expect.stringContaining(
          'The run is for JobcenterPlus (jobcenter-plus, it-system b3d1c4dd-819a-4a63-b494-d917e5400d48), but the calling certificate is it-system',
        ),
      });
    });

    it("fails klarmeld verify --key when the attestation names the attacker's own system instead", async () => {
      expect(forged[name]!.signForSelf.status).toBe(200);
      const result = await klarmeld('verify', forged[name]!.runFile, '--key', forged[name]!.keyFile, '--json');
      expect(result.exit).toBe(1);
      const report = JSON.parse(result.stdout);
      const codes: string[] = report.problems.map((p: { code: string }) => p.code);
      expect(codes.slice(0, 2)).toEqual(['system-not-attested', 'system-mismatch']);
      // And its made-up suites are none klarmeld ships: their verdicts cannot be re-derived (issue 13).
      expect([...new Set(codes.slice(2))]).toEqual(['cannot-rederive']);
      expect(report.system.catalogue).toBe('other-it-system');
    });

    it('records nothing with klarmeld sheet record --key, even in a sheet that trusts the platform key', async () => {
      const sheet = join(dir, `sheet-${name.replace(/\W+/g, '-')}.sqlite`);
      expect(
        (
          await klarmeld(
            'sheet',
            'trust-key',
            forged[name]!.keyFile,
            '--name',
            'KOMBIT test platform',
            '--sheet',
            sheet,
          )
        ).exit,
      ).toBe(0);
      const result = await klarmeld(
        'sheet',
        'record',
        forged[name]!.runFile,
        '--key',
        forged[name]!.keyFile,
        '--sheet',
        sheet,
      );
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
});
