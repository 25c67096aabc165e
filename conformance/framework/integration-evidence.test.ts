import { describe, expect, it } from 'vitest';
import { integrationEvidence } from './integration-evidence.ts';
import { sampleRun } from './testing/sample-run.ts';
import { verifyRun } from './verify-run.ts';

describe('integrationEvidence', () => {
  it("counts a SHALL pass as evidence only when it attaches an exchange of the system; the runner's own checks are preconditions", async () => {
    const { document } = await sampleRun({ precondition: true });
    expect(integrationEvidence(verifyRun(document))).toEqual([
      {
        integration: 'SF9999', suite: 'sf9999', shallTotal: 3, shallRan: 3, shallNotRun: [], environmentErrors: [], shallPassed: 3, shallPassedWithEvidence: 2,
        preconditions: ['sf9999.platform.agreement-approved'], exchanges: 2,
      },
    ]);
  });

  it('counts nothing in a run that does not verify', async () => {
    const { document } = await sampleRun();
    const edited = structuredClone(document);
    edited.tests[0]!.title = 'changed';
    expect(integrationEvidence(verifyRun(edited))[0]).toMatchObject({ shallTotal: 2, shallPassed: 0, shallPassedWithEvidence: 0, preconditions: [] });
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
      shallTotal: 2, shallRan: 1, shallPassed: 1, shallPassedWithEvidence: 1,
      shallNotRun: [{ id: 'sf9999.lookup.not-found', result: 'omit', reason: 'Not selected with --integration' }],
    });
  });

  it('does not count a skipped SHALL test as run: only a pass or a fail is a judgement', async () => {
    const { document } = await sampleRun({ skip: ['sf9999.lookup.not-found'] });
    expect(integrationEvidence(verifyRun(document))[0]).toMatchObject({
      shallTotal: 2, shallRan: 1, shallPassed: 1,
      shallNotRun: [{ id: 'sf9999.lookup.not-found', result: 'skip', reason: 'Needs a trigger hook' }], environmentErrors: [],
    });
  });

  it('lists the environment errors of the suite, so nothing of it is judged', async () => {
    const { document } = await sampleRun({ environmentError: ['sf9999.lookup.person-found'] });
    const [entry] = integrationEvidence(verifyRun(document));
    expect(document.summary.verdict).toBe('environment');
    expect(entry!.environmentErrors).toEqual([{ id: 'sf9999.lookup.person-found', message: 'platform-unreachable: The platform did not answer' }]);
    expect(entry!.shallNotRun.map((t) => t.result)).toEqual(['error', 'skip']);
  });
});
