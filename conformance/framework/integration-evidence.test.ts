import { describe, expect, it } from 'vitest';
import { integrationEvidence } from './integration-evidence.ts';
import { sampleRun } from './testing/sample-run.ts';

/** A genuine SF1500 run of jobcenter-plus whose lookup tests attach exchanges made to `integration` instead. */
async function sampleRunWithExchangeOf(integration: string) {
  const { document } = await sampleRun({ integration: 'SF1500', system: 'jobcenter-plus', exchangesTo: integration });
  return document;
}
import { verifyRun } from './verify-run.ts';

describe('integrationEvidence', () => {
  it("counts a SHALL pass as evidence only when it attaches a working exchange of the system; the runner's own checks and answered faults are preconditions", async () => {
    const { document } = await sampleRun({ precondition: true });
    // person-found attaches a 200 answer; not-found attaches the PersonNotFound fault it reported
    // correctly, which shows a refusal, not a working call.
    expect(integrationEvidence(verifyRun(document))).toEqual([
      {
        integration: 'SF9999',
        suite: 'sf9999',
        shallTotal: 3,
        shallRan: 3,
        shallNotRun: [],
        environmentErrors: [],
        shallPassed: 3,
        shallPassedWithEvidence: 1,
        preconditions: ['sf9999.platform.agreement-approved', 'sf9999.lookup.not-found'],
        exchanges: 1,
      },
    ]);
  });

  it('never counts an exchange made to another integration: an SF1520 lookup proves nothing about SF1500', async () => {
    const genuine = integrationEvidence(verifyRun(await sampleRunWithExchangeOf('SF1500')));
    expect(genuine[0]).toMatchObject({
      integration: 'SF1500',
      shallPassed: 2,
      shallPassedWithEvidence: 1,
      exchanges: 1,
    });
    const borrowed = integrationEvidence(verifyRun(await sampleRunWithExchangeOf('SF1520')));
    expect(borrowed[0]).toMatchObject({
      integration: 'SF1500',
      shallPassed: 2,
      shallPassedWithEvidence: 0,
      exchanges: 0,
    });
  });

  it('never counts an exchange that ended in an error finding, even with HTTP 200', async () => {
    const { document, keys } = await sampleRun();
    const { signedExchange } = await import('./testing/sample-run.ts');
    const record = document.tests[0]!.exchanges[0]!;
    const { digest: _d, signature: _s, ...plain } = record;
    const withFinding = signedExchange(
      { ...plain, findings: [{ severity: 'error', code: 'xsd.pattern', message: 'PNR is not 10 digits' }] },
      keys,
    );
    const { isEvidenceFor } = await import('./exchange-evidence.ts');
    const scope = { systemUuid: String(record.systemUuid), integration: 'SF9999' };
    expect(isEvidenceFor(record, scope)).toBe(true);
    expect(isEvidenceFor(withFinding, scope)).toBe(false);
    expect(
      isEvidenceFor(
        signedExchange(
          { ...plain, findings: [{ severity: 'warning', code: 'standardretur.44', message: 'StandardRetur 44' }] },
          keys,
        ),
        scope,
      ),
    ).toBe(true);
    expect(isEvidenceFor(record, { ...scope, systemUuid: '9f0e0c6e-0000-4000-8000-000000000000' })).toBe(false);
  });

  it('counts nothing in a run that does not verify', async () => {
    const { document } = await sampleRun();
    const edited = structuredClone(document);
    edited.tests[0]!.title = 'changed';
    expect(integrationEvidence(verifyRun(edited))[0]).toMatchObject({
      shallTotal: 2,
      shallPassed: 0,
      shallPassedWithEvidence: 0,
      preconditions: [],
    });
  });

  it('gives no evidence to a run whose SHALL tests all passed without a single exchange', async () => {
    const { document } = await sampleRun({ precondition: true, withoutExchanges: true });
    const [entry] = integrationEvidence(verifyRun(document));
    expect(entry).toMatchObject({ shallTotal: 3, shallPassed: 3, shallPassedWithEvidence: 0, exchanges: 0 });
    expect(entry!.preconditions).toHaveLength(3);
  });

  it('counts omitted SHALL tests in the total, so an omitted test keeps the integration from being complete', async () => {
    const { document } = await sampleRun({ omit: ['sf9999.lookup.not-found'] });
    expect(integrationEvidence(verifyRun(document))[0]).toMatchObject({
      shallTotal: 2,
      shallRan: 1,
      shallPassed: 1,
      shallPassedWithEvidence: 1,
      shallNotRun: [{ id: 'sf9999.lookup.not-found', result: 'omit', reason: 'Not selected with --integration' }],
    });
  });

  it('does not count a skipped SHALL test as run: only a pass or a fail is a judgement', async () => {
    const { document } = await sampleRun({ skip: ['sf9999.lookup.not-found'] });
    expect(integrationEvidence(verifyRun(document))[0]).toMatchObject({
      shallTotal: 2,
      shallRan: 1,
      shallPassed: 1,
      shallNotRun: [{ id: 'sf9999.lookup.not-found', result: 'skip', reason: 'Needs a trigger hook' }],
      environmentErrors: [],
    });
  });

  it('lists the environment errors of the suite, so nothing of it is judged', async () => {
    const { document } = await sampleRun({ environmentError: ['sf9999.lookup.person-found'] });
    const [entry] = integrationEvidence(verifyRun(document));
    expect(document.summary.verdict).toBe('environment');
    expect(entry!.environmentErrors).toEqual([
      { id: 'sf9999.lookup.person-found', message: 'platform-unreachable: The platform did not answer' },
    ]);
    expect(entry!.shallNotRun.map((t) => t.result)).toEqual(['error', 'skip']);
  });
});
