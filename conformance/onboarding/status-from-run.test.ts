import { describe, expect, it } from 'vitest';
import { statusFromRun } from './status-from-run.ts';

describe('statusFromRun', () => {
  it('gives klarmeldt only when every SHALL test passed with evidence, delvist when some did, ikke when none', () => {
    for (let total = 0; total <= 6; total++) {
      for (let passed = 0; passed <= total; passed++) {
        const expected = total > 0 && passed === total ? 'klarmeldt' : passed > 0 ? 'delvist-klarmeldt' : 'ikke-klarmeldt';
        expect(statusFromRun({ shallTotal: total, shallPassedWithEvidence: passed }), `${passed}/${total}`).toBe(expected);
      }
    }
  });

  it('does not declare an integration ready that had no SHALL test to pass', () => {
    expect(statusFromRun({ shallTotal: 0, shallPassedWithEvidence: 0 })).toBe('ikke-klarmeldt');
  });
});
