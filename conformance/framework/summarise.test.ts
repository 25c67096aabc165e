import { describe, expect, it } from 'vitest';
import { blames, requirementLevels, testResults, type Blame, type RequirementLevel, type TestResult } from './results.ts';
import { summarise, type SummaryInput } from './summarise.ts';

const test = (id: string, result: TestResult, level: RequirementLevel = 'SHALL', blame?: Blame, suite = 'sf1520'): SummaryInput => ({
  id, suite, integration: suite.toUpperCase(), level, result, blame,
});

/** An independent statement of the rules, per single test, to compare the function against. */
function expectedVerdict(t: SummaryInput): 'passed' | 'failed' | 'incomplete' | 'environment' {
  if (t.result === 'error' && t.blame === 'environment') return 'environment';
  if (t.level !== 'SHALL' || t.result === 'pass' || t.result === 'omit') return 'passed';
  return t.result === 'fail' ? 'failed' : 'incomplete';
}
const exitOf = { passed: 0, failed: 1, incomplete: 1, environment: 3 } as const;

describe('summarise', () => {
  const everyCombination = testResults.flatMap((result) =>
    requirementLevels.flatMap((level) => [undefined, ...blames].map((blame) => test('sf1520.g.t', result, level, blame))),
  );

  it.each(everyCombination.map((t) => [t.result, t.level, t.blame ?? '-', t] as const))(
    'one %s test at %s (blame %s) gives the verdict the rules say',
    (_result, _level, _blame, t) => {
      const summary = summarise([t]);
      const verdict = expectedVerdict(t);
      expect(summary.verdict).toBe(verdict);
      expect(summary.exitCode).toBe(exitOf[verdict]);
      expect(summary.counts[t.result]).toBe(1);
      expect(summary.counts.total).toBe(1);
      expect(summary.suites[0]!.shall).toEqual({
        total: t.level === 'SHALL' && t.result !== 'omit' ? 1 : 0,
        passed: t.level === 'SHALL' && t.result === 'pass' ? 1 : 0,
      });
      expect(summary.requiredNotPassed).toEqual(verdict === 'failed' || verdict === 'incomplete' ? ['sf1520.g.t'] : []);
      expect(summary.requiredNotRun.map((n) => n.id)).toEqual(verdict === 'incomplete' ? ['sf1520.g.t'] : []);
      expect(summary.environmentErrors).toEqual(verdict === 'environment' ? ['sf1520.g.t'] : []);
      expect(summary.advisoryFailed).toEqual(t.level !== 'SHALL' && t.result === 'fail' ? ['sf1520.g.t'] : []);
    },
  );

  it('for every pair of tests, the run verdict is the worst of the two (environment > failed > incomplete > passed)', () => {
    const rank = { passed: 0, incomplete: 1, failed: 2, environment: 3 } as const;
    for (const a of everyCombination) {
      for (const b of everyCombination) {
        const worst = rank[expectedVerdict(a)] >= rank[expectedVerdict(b)] ? expectedVerdict(a) : expectedVerdict(b);
        expect(summarise([a, { ...b, id: 'other' }]).verdict).toBe(worst);
      }
    }
  });

  it('passes an empty run and counts nothing', () => {
    expect(summarise([])).toEqual({
      verdict: 'passed', exitCode: 0, counts: { pass: 0, fail: 0, error: 0, skip: 0, omit: 0, wait: 0, total: 0 },
      suites: [], requiredNotPassed: [], requiredNotRun: [], advisoryFailed: [], environmentErrors: [],
    });
  });

  it('does not pass a run in which SHALL tests were skipped: 1 of 3 passed, 2 skipped is incomplete, exit 1, with the reasons', () => {
    const summary = summarise([
      test('sf1520.a.x', 'pass'),
      { ...test('sf1520.a.y', 'skip'), message: "Needs the embedded platform's recorder" },
      { ...test('sf1520.a.z', 'skip'), message: 'Needs a trigger hook' },
    ]);
    expect(summary).toMatchObject({ verdict: 'incomplete', exitCode: 1, requiredNotPassed: ['sf1520.a.y', 'sf1520.a.z'] });
    expect(summary.requiredNotRun).toEqual([
      { id: 'sf1520.a.y', result: 'skip', reason: "Needs the embedded platform's recorder" },
      { id: 'sf1520.a.z', result: 'skip', reason: 'Needs a trigger hook' },
    ]);
    expect(summary.suites[0]).toMatchObject({ verdict: 'incomplete', shall: { total: 3, passed: 1 } });
  });

  it('judges only the selected suites: tests omitted on purpose do not make a run incomplete, ', () => {
    const selected = summarise([test('sf1520.a.x', 'pass'), { ...test('sf1500.a.x', 'omit', 'SHALL', undefined, 'sf1500'), message: 'Not selected with --integration' }]);
    expect(selected).toMatchObject({ verdict: 'passed', exitCode: 0, requiredNotRun: [] });
    expect(selected.suites.map((s) => [s.verdict, s.shall.total])).toEqual([['passed', 1], ['passed', 0]]);
  });

  it('does not pass a run whose SHALL tests wait for a person or broke', () => {
    for (const result of ['wait', 'error'] as const) {
      const summary = summarise([test('a', 'pass'), test('b', result, 'SHALL', result === 'error' ? 'test' : undefined)]);
      expect([summary.verdict, summary.exitCode, summary.requiredNotRun.map((n) => n.id)], result).toEqual(['incomplete', 1, ['b']]);
    }
  });

  it('calls a run with a failed SHALL test failed, even when others were skipped; the environment still wins (exit 3)', () => {
    expect(summarise([test('a', 'fail', 'SHALL', 'supplier'), test('b', 'skip')]).verdict).toBe('failed');
    expect(summarise([test('a', 'skip'), test('b', 'error', 'SHOULD', 'environment')])).toMatchObject({ verdict: 'environment', exitCode: 3 });
  });

  it('summarises each suite on its own, in order of first appearance', () => {
    const summary = summarise([
      test('sf1520.a.x', 'pass'), test('sf1500.a.x', 'fail', 'SHALL', 'supplier', 'sf1500'), test('sf1520.a.y', 'skip'),
    ]);
    expect(summary.suites.map((s) => [s.suite, s.verdict, s.shall.total, s.shall.passed])).toEqual([
      ['sf1520', 'incomplete', 2, 1],
      ['sf1500', 'failed', 1, 0],
    ]);
    expect(summary.verdict).toBe('failed');
  });

  it('does not depend on anything but its input', () => {
    const input = [test('a', 'pass'), test('b', 'wait')];
    expect(summarise(input)).toEqual(summarise(structuredClone(input)));
  });
});
