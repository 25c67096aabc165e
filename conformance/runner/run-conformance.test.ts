import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import type { Catalog } from '../../catalog/index.ts';
import { findSystem } from '../../catalog/index.ts';
import { summarise } from '../framework/index.ts';
import { startPlatform, type RunningPlatform } from '../platform/index.ts';
import { runConformance } from './run-conformance.ts';

let dir: string;
let platform: RunningPlatform;
let catalog: Catalog;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klarmeld-external-'));
  catalog = (await loadCatalog()).catalog;
  platform = await startPlatform({ port: 0, dataDir: join(dir, 'platform'), catalog });
});
afterAll(async () => {
  await platform.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a profile targeting the external test environment', () => {
  it('skips, with the reason, every test that needs the embedded recorder: none is passed', async () => {
    const system = findSystem(catalog, 'reference-system')!;
    const added = await platform.admin.addSystem({ name: system.name, uuid: system.userSystemUuid });
    platform.admin.addAgreement({ system: added.systemUuid, service: 'SF1520', municipalityCvr: '11111111' });
    const profile = join(dir, 'klarmeld.yaml');
    // The platform here stands in for KOMBIT's: the runner reaches it with the system's own certificate.
    await writeFile(
      profile,
      `system: reference-system\ntarget: external-test\nplatform:\n  url: ${platform.url}\ncertificate:\n  cert: ${added.cert}\n  key: ${added.key}\n  ca: ${added.ca}\ntrigger:\n  url: http://127.0.0.1:9/trigger\n`,
    );
    const run = await runConformance({ profileFile: profile, catalog, integrations: ['SF1520'] });
    await run.close();
    const sf1520 = run.output.tests.filter((t) => t.integration === 'SF1520');
    const consumer = sf1520.filter((t) => t.group !== 'platform');
    expect(consumer.length).toBeGreaterThan(5);
    for (const test of consumer) {
      expect(test.result, test.id).toBe('skip');
      expect(test.message).toMatch(/recorder|external test environment|cut connections/);
    }
    expect(sf1520.some((t) => t.result === 'pass' && t.group !== 'platform')).toBe(false);
  }, 30_000);
});

describe('an --integration selection the system does not require', () => {
  it('is refused before anything starts, so a run of nothing never looks like a pass', async () => {
    const profile = join(dir, 'jobcenter-plus.yaml');
    await writeFile(profile, 'system: jobcenter-plus\n');
    const refused = runConformance({ profileFile: profile, catalog, integrations: ['SF1461'] });
    await expect(refused).rejects.toThrow(
      /jobcenter-plus does not require SF1461 .*Its suites: SF1514, SF1520, SF1500/,
    );
  });
});

describe('an agreement the municipality has not approved', () => {
  it('is an environment problem (exit 3), not a failure of the system', async () => {
    const added = await platform.admin.addSystem({ name: 'pending-system' });
    const pending = platform.admin.addAgreement({
      system: added.systemUuid,
      service: 'SF1500',
      municipalityCvr: '55133018',
    });
    expect(pending.status).toBe('pending');
    const profile = join(dir, 'pending.yaml');
    await writeFile(
      profile,
      `system: reference-system\nplatform:\n  url: ${platform.url}\n  municipality: "55133018"\ncertificate:\n  cert: ${added.cert}\n  key: ${added.key}\n  ca: ${added.ca}\n`,
    );
    const run = await runConformance({ profileFile: profile, catalog, integrations: ['SF1500'] });
    await run.close();
    const summary = summarise(run.output.tests);
    expect(summary.exitCode).toBe(3);
    const refused = run.output.tests.find((t) => t.id === 'sf1500.platform.read-user-as-system');
    expect(refused).toMatchObject({ result: 'error', blame: 'environment' });
    expect(refused?.message).toContain('awaits the municipality');
  }, 30_000);
});
