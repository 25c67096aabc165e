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
    expect(statusFromRun({ shallTotal: 0, shallPassed: 0, shallPassedWithEvidence: 0 }, trusted).status).toBe(
      'ikke-klarmeldt',
    );
  });

  it('records what the run shows under an untrusted key too, never Ensidig: the key is evidence, not a status word (issue 11)', () => {
    expect(statusFromRun({ shallTotal: 3, shallPassed: 3, shallPassedWithEvidence: 2 }, untrusted)).toEqual({
      status: 'klarmeldt',
    });
    expect(statusFromRun({ shallTotal: 3, shallPassed: 1, shallPassedWithEvidence: 1 }, untrusted)).toEqual({
      status: 'delvist-klarmeldt',
    });
    expect(statusFromRun({ shallTotal: 3, shallPassed: 1, shallPassedWithEvidence: 1 }, { trusted: false })).toEqual({
      status: 'delvist-klarmeldt',
    });
  });

  it('keeps ikke-klarmeldt whoever signed: a run that shows nothing claims nothing', () => {
    expect(statusFromRun({ shallTotal: 3, shallPassed: 0, shallPassedWithEvidence: 0 }, untrusted)).toEqual({
      status: 'ikke-klarmeldt',
    });
  });
});
