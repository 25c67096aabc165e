import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../conformance/evidence/index.ts';
import { verifyRun } from '../../conformance/framework/index.ts';
import { sampleRun } from '../../conformance/framework/testing/sample-run.ts';
import { SheetStore } from '../../conformance/onboarding/index.ts';
import { testCatalog } from '../../conformance/onboarding/testing/test-catalog.ts';
import { recordRun } from '../services/sheet-record-run.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { formatRecorded, formatTestSummary } from './test-summary.ts';

const temp = tempDirs();

describe('formatTestSummary', () => {
  it('says a run with every SHALL test passed shows that, exit 0', async () => {
    const text = formatTestSummary((await sampleRun()).document);
    expect(text).toContain('Every required (SHALL) test passed. Exit 0.');
    expect(text).not.toMatch(/did not run/);
  });

  it('does not call a run with skipped SHALL tests passed: names them, why, and that readiness is not shown (exit 1)', async () => {
    const { document } = await sampleRun({ skip: ['sf9999.lookup.not-found'] });
    const text = formatTestSummary(document);
    expect(text).not.toContain('Every required (SHALL) test passed');
    expect(text).toContain('not every one ran, so this run does not show that the system is ready. Exit 1.');
    expect(text).toContain(
      '1 required (SHALL) test did not run, so the system was never shown to do what it checks:\n  skipped: Needs a trigger hook\n    sf9999.lookup.not-found\n',
    );
    const none = formatTestSummary(
      (await sampleRun({ skip: ['sf9999.lookup.person-found', 'sf9999.lookup.not-found'] })).document,
    );
    expect(none).toContain(
      '2 required (SHALL) tests did not run, so the system was never shown to do what they check:\n  skipped: Needs a trigger hook\n    SF9999: all 2 SHALL tests\n',
    );
  });

  it('judges only what was selected: suites left out with --integration do not make the run incomplete', async () => {
    const text = formatTestSummary((await sampleRun({ omit: ['sf9999.lookup.not-found'] })).document);
    expect(text).toContain('Every required (SHALL) test passed. Exit 0.');
    const left = formatTestSummary(
      (await sampleRun({ omit: ['sf9999.lookup.person-found', 'sf9999.lookup.not-found', 'sf9999.lookup.retry'] }))
        .document,
    );
    expect(left).toMatch(/^SF9999\s+not selected\s+0 passed/m);
  });

  it('never calls a run in which no SHALL test ran passed: it is incomplete, exit 1, and says nothing was shown', async () => {
    const text = formatTestSummary(
      (await sampleRun({ omit: ['sf9999.lookup.person-found', 'sf9999.lookup.not-found', 'sf9999.lookup.retry'] }))
        .document,
    );
    expect(text).not.toContain('Every required (SHALL) test passed');
    expect(text).toMatch(/^SF9999\s+not selected\s/m);
    expect(text).toContain(
      'not every one ran, so this run does not show that the system is ready. Exit 1.\nNo required (SHALL) test ran, so this run shows nothing about the system.',
    );
  });
});

describe('formatRecorded', () => {
  it("names the statuses and the trusted key, or says the evidence is a run on the supplier's own platform because the key is not trusted (pinning with --key does not trust it)", async () => {
    const catalog = await testCatalog();
    const { document, keys } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520' });
    const fingerprint = keyFingerprint(keys.publicKeyPem);
    const dir = await temp.make('summary-');
    const trusting = SheetStore.open(`${dir}/a.sqlite`);
    trusting.trustPlatformKey({ fingerprint, name: 'KOMBIT test platform', addedBy: 'kombit' });
    expect(formatRecorded(recordRun(trusting, catalog, verifyRun(document)))).toBe(
      `Recorded in the sheet: SF1520 Klarmeldt. Signed with platform key ${fingerprint} (trusted in the sheet as "KOMBIT test platform").`,
    );
    expect(formatRecorded(recordRun(trusting, catalog, verifyRun(document)))).toMatch(
      /^Nothing recorded: run run-0001 is already in the sheet/,
    );
    trusting.close();
    const pinned = SheetStore.open(`${dir}/b.sqlite`);
    expect(formatRecorded(recordRun(pinned, catalog, verifyRun(document, { publicKey: keys.publicKeyPem })))).toBe(
      `Recorded in the sheet: SF1520 Klarmeldt. Evidence: a run on the supplier's own platform, key ${fingerprint} (pinned with --key, which checks the signature but does not make the key trusted), which this sheet does not trust; the sheet shows that beside each status. KOMBIT trusts a platform key with \`klarmeld sheet trust-key\`; a run under a trusted key is then recorded with that evidence.`,
    );
    pinned.close();
  });

  it('says which integrations were not recorded and why', async () => {
    const catalog = await testCatalog();
    const { document, keys } = await sampleRun({
      system: 'jobcenter-plus',
      integration: 'SF1520',
      skip: ['sf9999.lookup.not-found'],
    });
    const sheet = SheetStore.open(`${await temp.make('summary-')}/c.sqlite`);
    sheet.trustPlatformKey({
      fingerprint: keyFingerprint(keys.publicKeyPem),
      name: 'KOMBIT test platform',
      addedBy: 'kombit',
    });
    expect(formatRecorded(recordRun(sheet, catalog, verifyRun(document)))).toBe(
      'Recorded in the sheet: nothing (SF1520: 1 SHALL test did not run: sf9999.lookup.not-found (skipped: Needs a trigger hook)).',
    );
    sheet.close();
  });
});
