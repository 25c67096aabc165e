import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { generateEvidenceKeys, keyFingerprint } from '../../conformance/evidence/index.ts';
import { verifyRun } from '../../conformance/framework/index.ts';
import { sampleRun } from '../../conformance/framework/testing/sample-run.ts';
import { backingOf, SheetStore } from '../../conformance/onboarding/index.ts';
import { testCatalog } from '../../conformance/onboarding/testing/test-catalog.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { recordRun, trustedPlatformKeys, trustPlatformKey } from './sheet-record-run.ts';

let catalog: Catalog;
const temp = tempDirs();
beforeAll(async () => {
  catalog = await testCatalog();
});
async function sheetPath() {
  return join(await temp.make('record-'), 'sheet.sqlite');
}
/** A sheet that trusts the key the sample run is signed with, as KOMBIT would trust its platform. */
async function trustingSheet(keys: { publicKeyPem: string }) {
  const path = await sheetPath();
  trustPlatformKey(path, { publicKey: keys.publicKeyPem, name: 'KOMBIT test platform', addedBy: 'kombit' });
  return SheetStore.open(path);
}

describe('recordRun (klarmeld sheet record, klarmeld test --record; the rule itself: run-earns-status.test.ts)', () => {
  it('records Klarmeldt with the run as evidence when every SHALL test passed in a verified run signed by a trusted key', async () => {
    const { document, keys } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520' });
    const sheet = await trustingSheet(keys);
    const outcome = recordRun(sheet, catalog, verifyRun(document));
    expect(outcome.verified).toBe(true);
    expect(outcome.key).toEqual({
      fingerprint: keyFingerprint(keys.publicKeyPem),
      trusted: true,
      trustedBy: 'sheet',
      name: 'KOMBIT test platform',
    });
    expect(outcome.events).toEqual([
      expect.objectContaining({
        system: 'jobcenter-plus',
        integration: 'SF1520',
        status: 'klarmeldt',
        source: 'run',
        evidence: {
          runId: 'run-0001',
          digest: expect.stringMatching(/^[0-9a-f]{64}$/),
          keyFingerprint: keyFingerprint(keys.publicKeyPem),
          keyTrusted: true,
          trustedBy: 'sheet',
          shallTotal: 2,
          shallPassed: 2,
          shallPassedWithEvidence: 1,
        },
      }),
    ]);
    expect(sheet.current()[0]!.status).toBe('klarmeldt');
  });

  it('records Delvist klarmeldt when only some SHALL tests passed', async () => {
    const { document, keys } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520', notFound: 'fail' });
    expect(recordRun(await trustingSheet(keys), catalog, verifyRun(document)).events[0]!.status).toBe(
      'delvist-klarmeldt',
    );
  });

  it('records the declaration the run shows with "own platform, key X" as its evidence for a key the sheet does not trust, never Ensidig (issue 11)', async () => {
    const { document, keys } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520' });
    const sheet = await trustingSheet(generateEvidenceKeys());
    const outcome = recordRun(sheet, catalog, verifyRun(document));
    const fingerprint = keyFingerprint(keys.publicKeyPem);
    expect(outcome.key).toEqual({ fingerprint, trusted: false });
    expect(outcome.events).toEqual([expect.objectContaining({ status: 'klarmeldt', word: 'Klarmeldt' })]);
    expect(outcome.events[0]).not.toHaveProperty('reason');
    expect(outcome.events[0]!.evidence).toMatchObject({
      keyFingerprint: fingerprint,
      keyTrusted: false,
      shallPassed: 2,
    });
    expect(backingOf(outcome.events[0]!.evidence)).toMatchObject({
      kind: 'own-platform',
      keyFingerprint: fingerprint,
      runId: document.runId,
    });
  });

  it('does not trust a key pinned with --key: it only checks the signature, so a pinned throwaway key is "own platform" evidence', async () => {
    const { document, keys } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520' });
    const sheet = SheetStore.open(await sheetPath());
    const outcome = recordRun(sheet, catalog, verifyRun(document, { publicKey: keys.publicKeyPem }));
    expect(outcome.key).toEqual({ fingerprint: keyFingerprint(keys.publicKeyPem), trusted: false, pinned: true });
    expect(outcome.events[0]).toMatchObject({ status: 'klarmeldt', evidence: { keyTrusted: false } });
    expect(outcome.events[0]!.evidence).not.toHaveProperty('trustedBy');
    expect(backingOf(outcome.events[0]!.evidence).kind).toBe('own-platform');
  });

  it('earns the status under a pinned key when the sheet trusts that key', async () => {
    const { document, keys } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520' });
    const outcome = recordRun(
      await trustingSheet(keys),
      catalog,
      verifyRun(document, { publicKey: keys.publicKeyPem }),
    );
    expect(outcome.key).toMatchObject({ trusted: true, trustedBy: 'sheet', pinned: true });
    expect(outcome.events[0]).toMatchObject({
      status: 'klarmeldt',
      evidence: { keyTrusted: true, trustedBy: 'sheet' },
    });
  });

  it('records nothing for an integration with SHALL tests that did not run (no trigger hook), and keeps the status earned before', async () => {
    const { document, keys } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520' });
    const sheet = await trustingSheet(keys);
    recordRun(sheet, catalog, verifyRun(document));
    const skipped = (
      await sampleRun({
        system: 'jobcenter-plus',
        integration: 'SF1520',
        keys,
        runId: 'run-0002',
        skip: ['sf9999.lookup.person-found', 'sf9999.lookup.not-found'],
      })
    ).document;
    const outcome = recordRun(sheet, catalog, verifyRun(skipped));
    expect(outcome.events).toEqual([]);
    expect(outcome.notRecorded).toEqual([
      {
        integration: 'SF1520',
        why: '2 SHALL tests did not run: sf9999.lookup.person-found (skipped: Needs a trigger hook); sf9999.lookup.not-found (skipped: Needs a trigger hook)',
      },
    ]);
    expect(sheet.history().map((e) => e.status)).toEqual(['klarmeldt']);
  });

  it('never lets a run under an untrusted key replace a status set by hand or imported; a trusted-key run may', async () => {
    const { document, keys } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520' });
    const sheet = await trustingSheet(generateEvidenceKeys());
    sheet.append([
      {
        system: 'jobcenter-plus',
        integration: 'SF1520',
        status: 'ikke-klarmeldt',
        word: 'Nej',
        reason: 'Kommunen efterspørger det ikke',
        actor: 'kombit',
        source: 'manual',
      },
    ]);
    const outcome = recordRun(sheet, catalog, verifyRun(document));
    expect(outcome.events).toEqual([]);
    expect(outcome.notRecorded[0]!.why).toMatch(
      /^its status Nej was set by hand by kombit .* an untrusted run never replaces a person's word$/,
    );
    trustPlatformKey(sheet.path, { publicKey: keys.publicKeyPem, name: 'KOMBIT test platform', addedBy: 'kombit' });
    const again = (await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520', keys, runId: 'run-0002' }))
      .document;
    expect(recordRun(sheet, catalog, verifyRun(again)).events.map((e) => e.status)).toEqual(['klarmeldt']);
  });

  it("does not earn Klarmeldt with the runner's own checks: SHALL passes without an exchange of the system are preconditions", async () => {
    const { document, keys } = await sampleRun({
      system: 'jobcenter-plus',
      integration: 'SF1520',
      precondition: true,
      withoutExchanges: true,
    });
    const outcome = recordRun(await trustingSheet(keys), catalog, verifyRun(document));
    expect(outcome.events[0]).toMatchObject({
      status: 'ikke-klarmeldt',
      evidence: { shallTotal: 3, shallPassed: 3, shallPassedWithEvidence: 0 },
    });
  });

  it('records nothing for a run whose evidence does not verify, keeps the status earned before, and says why', async () => {
    const { document, keys } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520' });
    const sheet = await trustingSheet(keys);
    recordRun(sheet, catalog, verifyRun(document));
    const unattested = (
      await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520', keys, attest: false, runId: 'run-0002' })
    ).document;
    const outcome = recordRun(sheet, catalog, verifyRun(unattested));
    expect(outcome).toMatchObject({ verified: false, events: [], skipped: { code: 'not-verified' } });
    expect(outcome.skipped!.message).toMatch(
      /^Nothing recorded: the run's evidence does not verify[\s\S]*not-attested/,
    );
    expect(sheet.history().map((e) => e.status)).toEqual(['klarmeldt']);
  });

  it('records the same run once: the second time is a no-op that says so', async () => {
    const { document, keys } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520' });
    const sheet = await trustingSheet(keys);
    expect(recordRun(sheet, catalog, verifyRun(document)).events).toHaveLength(1);
    const again = recordRun(sheet, catalog, verifyRun(document));
    expect(again).toMatchObject({ verified: true, events: [], skipped: { code: 'already-recorded' } });
    expect(again.skipped!.message).toMatch(
      /^Nothing recorded: run run-0001 is already in the sheet \(recorded .*: SF1520 klarmeldt\)/,
    );
    expect(sheet.count()).toBe(1);
  });

  it("records nothing for a run of one system made with another system's certificate, even under a trusted key, whatever verifyRun was given", async () => {
    const oekonomiLet = catalog.systems.find((s) => s.id === 'oekonomi-let')!.userSystemUuid;
    const { document, keys } = await sampleRun({
      system: 'jobcenter-plus',
      integration: 'SF1520',
      systemUuid: oekonomiLet,
    });
    const sheet = await trustingSheet(keys);
    // verifyRun without a catalogue cannot see the mismatch; the sheet checks with its own.
    const outcome = recordRun(sheet, catalog, verifyRun(document));
    expect(outcome).toMatchObject({
      verified: false,
      events: [],
      skipped: {
        code: 'other-system',
        message: expect.stringContaining("the run's evidence is not about Jobcenter Plus"),
      },
    });
    expect(outcome.problems.join('\n')).toContain(
      `system-mismatch: The run is for Jobcenter Plus (jobcenter-plus), whose it-system UUID in the catalogue is`,
    );
    expect(sheet.current().filter((e) => e.source === 'run')).toEqual([]);
  });
});

describe('trustPlatformKey', () => {
  it('trusts a key given as PEM or as fingerprint, once, and lists it with who added it', async () => {
    const path = await sheetPath();
    const keys = generateEvidenceKeys();
    const fingerprint = keyFingerprint(keys.publicKeyPem);
    expect(
      trustPlatformKey(path, { publicKey: keys.publicKeyPem, name: 'KOMBIT external test', addedBy: 'kombit' }),
    ).toMatchObject({ added: true, key: { fingerprint } });
    expect(trustPlatformKey(path, { fingerprint, name: 'again', addedBy: 'someone' })).toMatchObject({
      added: false,
      key: { name: 'KOMBIT external test' },
    });
    expect(trustedPlatformKeys(path)).toEqual([
      { fingerprint, name: 'KOMBIT external test', addedBy: 'kombit', addedAt: expect.any(String) },
    ]);
  });
});
