import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { keyFingerprint } from '../../conformance/evidence/index.ts';
import { SheetStore } from '../../conformance/onboarding/index.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { runTest } from './test-run.ts';

const profile = fileURLToPath(new URL('../../examples/reference-system/klarmeld.yaml', import.meta.url));
const temp = tempDirs();
let catalog: Catalog;
beforeAll(async () => {
  catalog = (await loadCatalog()).catalog;
});
const statuses = (sheet: string) => {
  const store = SheetStore.open(sheet);
  try {
    return store.current();
  } finally {
    store.close();
  }
};

describe('runTest with a sheet (klarmeld test --record)', () => {
  it("records what the run shows with the throwaway key as its evidence (own platform), never Ensidig, when the sheet does not trust the run's embedded platform", async () => {
    const sheet = join(await temp.make('test-run-'), 'sheet.sqlite');
    const result = await runTest({ profileFile: profile, catalog, sheetFile: sheet, integrations: ['SF1520'] });
    // --integration judges only what was selected: SF1520 passed, the other suites were left out.
    expect([result.document.summary.verdict, result.exitCode]).toEqual(['passed', 0]);
    const fingerprint = keyFingerprint(result.document.platform.publicKey!);
    expect(result.recorded).toMatchObject({ verified: true, key: { fingerprint, trusted: false } });
    const [event] = statuses(sheet);
    expect(event).toMatchObject({
      integration: 'SF1520',
      status: 'klarmeldt',
      word: 'Klarmeldt',
      evidence: { keyFingerprint: fingerprint, keyTrusted: false },
    });
    expect(event).not.toHaveProperty('reason');
  }, 60_000);

  it("records Klarmeldt for every required integration when the caller (the demo, in KOMBIT's role) trusts the platform it started", async () => {
    const sheet = join(await temp.make('test-run-'), 'sheet.sqlite');
    const result = await runTest({
      profileFile: profile,
      catalog,
      sheetFile: sheet,
      trustOwnPlatformAs: 'klarmeld demo',
    });
    expect([result.document.summary.verdict, result.exitCode]).toEqual(['passed', 0]);
    expect(result.recorded?.key).toMatchObject({ trusted: true, trustedBy: 'sheet' });
    expect(statuses(sheet).map((e) => `${e.integration} ${e.status}`)).toEqual([
      'SF1461 klarmeldt',
      'SF1470 klarmeldt',
      'SF1500 klarmeldt',
      'SF1514 klarmeldt',
      'SF1520 klarmeldt',
    ]);
    const store = SheetStore.open(sheet);
    expect(store.trustedPlatformKeys()).toEqual([
      expect.objectContaining({
        fingerprint: keyFingerprint(result.document.platform.publicKey!),
        addedBy: 'klarmeld demo',
      }),
    ]);
    store.close();
  }, 60_000);

  it('trusts one key across runs when the platform signs with a key the caller keeps (npm start, again and again)', async () => {
    const sheet = join(await temp.make('test-run-'), 'sheet.sqlite');
    const kept = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const runs = [];
    for (let i = 0; i < 2; i += 1) {
      runs.push(
        await runTest({
          profileFile: profile,
          catalog,
          sheetFile: sheet,
          trustOwnPlatformAs: 'klarmeld demo',
          integrations: ['SF1520'],
          platformSigningKeyPem: kept,
        }),
      );
    }
    expect(runs.map((r) => r.document.platform.keyFingerprint)).toEqual([
      runs[0]!.document.platform.keyFingerprint,
      runs[0]!.document.platform.keyFingerprint,
    ]);
    const store = SheetStore.open(sheet);
    expect(store.trustedPlatformKeys()).toHaveLength(1);
    store.close();
  }, 60_000);
});
