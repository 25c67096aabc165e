import { describe, expect, it } from 'vitest';
import { shownByRun, statusFromRun } from './status-from-run.ts';

const trusted = { fingerprint: 'a'.repeat(64), trusted: true };
const untrusted = { fingerprint: 'b'.repeat(64), trusted: false };

describe('statusFromRun', () => {
  it('with a trusted key: klarmeldt when every SHALL test passed and one has evidence, delvist when some with evidence did, ikke when none', () => {
    for (let total = 0; total <= 5; total++) {
      for (let passed = 0; passed <= total; passed++) {
        for (let withEvidence = 0; withEvidence <= passed; withEvidence++) {
          const expected = withEvidence === 0 ? 'ikke-klarmeldt' : passed === total ? 'klarmeldt' : 'delvist-klarmeldt';
          const counts = { shallTotal: total, shallPassed: passed, shallPassedWithEvidence: withEvidence };
          expect(statusFromRun(counts, trusted), `${withEvidence}/${passed}/${total}`).toEqual({ status: expected });
        }
      }
    }
  });

  it("does not earn anything with the runner's own checks alone: every SHALL test passed, none with an exchange of the system", () => {
    expect(shownByRun({ shallTotal: 4, shallPassed: 4, shallPassedWithEvidence: 0 })).toBe('ikke-klarmeldt');
  });

  it('counts the runner-side passes towards "every SHALL test passed" once the system showed evidence', () => {
    expect(shownByRun({ shallTotal: 9, shallPassed: 9, shallPassedWithEvidence: 1 })).toBe('klarmeldt');
    expect(shownByRun({ shallTotal: 9, shallPassed: 8, shallPassedWithEvidence: 1 })).toBe('delvist-klarmeldt');
  });

  it('does not declare an integration ready that had no SHALL test to pass', () => {
    expect(statusFromRun({ shallTotal: 0, shallPassed: 0, shallPassedWithEvidence: 0 }, trusted).status).toBe('ikke-klarmeldt');
  });

  it('records ensidig, naming the key, when an untrusted key signed a run that would show klarmeldt or delvist', () => {
    const full = statusFromRun({ shallTotal: 3, shallPassed: 3, shallPassedWithEvidence: 2 }, untrusted);
    expect(full.status).toBe('ensidig');
    expect(full.reason).toContain(`platform key ${'b'.repeat(64)}`);
    expect(full.reason).toMatch(/would show klarmeldt \(3 of 3 SHALL tests passed\)/);
    expect(full.reason).toContain('not trusted in this sheet');
    expect(full.reason).toContain('`klarmeld sheet trust-key`');
    expect(full.reason).toContain('run the tests again (a run already recorded is not recorded twice)');
    expect(statusFromRun({ shallTotal: 3, shallPassed: 1, shallPassedWithEvidence: 1 }, untrusted).status).toBe('ensidig');
    expect(statusFromRun({ shallTotal: 3, shallPassed: 1, shallPassedWithEvidence: 1 }, { trusted: false }).reason).toContain('a platform key the run does not name');
  });

  it('never offers --key as a way to trust a key: pinning the run\'s own throwaway key proves nothing', () => {
    const { reason } = statusFromRun({ shallTotal: 2, shallPassed: 2, shallPassedWithEvidence: 2 }, untrusted);
    expect(reason).not.toMatch(/--key/);
  });

  it('keeps ikke-klarmeldt whoever signed: a run that shows nothing claims nothing', () => {
    expect(statusFromRun({ shallTotal: 3, shallPassed: 0, shallPassedWithEvidence: 0 }, untrusted)).toEqual({ status: 'ikke-klarmeldt' });
  });
});
