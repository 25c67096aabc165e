import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { findSystem } from '../../catalog/index.ts';
import { canonicalDigest } from '../evidence/index.ts';
import { klarmeldVersion, verifyRun } from '../framework/index.ts';
import { startPlatform, type RunningPlatform } from '../platform/index.ts';
import { runAndAttest } from './attested-run.ts';

let dir: string;
let platform: RunningPlatform;
let catalog: Catalog;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klarmeld-attested-'));
  catalog = (await loadCatalog()).catalog;
  platform = await startPlatform({ port: 0, dataDir: join(dir, 'platform'), catalog });
});
afterAll(async () => {
  await platform.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('runAndAttest', () => {
  it("names the catalogue by its digest and klarmeld's own version, and a dead trigger hook ends the run as an environment problem (not klarmeld's)", async () => {
    const system = findSystem(catalog, 'reference-system')!;
    const added = await platform.admin.addSystem({ name: system.name, uuid: system.userSystemUuid });
    platform.admin.addAgreement({ system: added.systemUuid, service: 'SF1520', municipalityCvr: '11111111' });
    const profile = join(dir, 'klarmeld.yaml');
    // No system runs behind this trigger: the first test that asks it to act meets a dead hook.
    await writeFile(
      profile,
      `system: reference-system\nplatform:\n  url: ${platform.url}\ncertificate:\n  cert: ${added.cert}\n  key: ${added.key}\n  ca: ${added.ca}\ntrigger:\n  url: http://127.0.0.1:9/trigger\n`,
    );
    const run = await runAndAttest({ profileFile: profile, catalog, integrations: ['SF1520'] });
    const { document } = run;
    expect(run.platformStartedHere).toBe(false);
    expect(document.catalogue).toEqual({ version: klarmeldVersion(), digest: canonicalDigest(catalog) });
    expect(document.tool.version).toBe(klarmeldVersion());
    expect(verifyRun(document).ok).toBe(true);
    const dead = document.tests.filter((t) => t.result === 'error');
    expect(dead).toEqual([
      expect.objectContaining({
        blame: 'environment',
        code: 'system-unresponsive',
        message: expect.stringContaining('http://127.0.0.1:9/trigger'),
      }),
    ]);
    expect(document.summary.verdict).toBe('environment');
    expect(document.tests.filter((t) => t.blame === 'test')).toEqual([]);
  }, 60_000);
});
