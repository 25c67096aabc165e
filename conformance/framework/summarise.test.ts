import { describe, expect, it } from 'vitest';
import {
  blames,
  requirementLevels,
  testResults,
  type Blame,
  type RequirementLevel,
  type TestResult,
} from './results.ts';
import { summarise, type SummaryInput } from './summarise.ts';

const test = (
  id: string,
  result: TestResult,
  level: RequirementLevel = 'SHALL',
  blame?: Blame,
  suite = 'sf1520',
): SummaryInput => ({
  id,
  suite,
  integration: suite.toUpperCase(),
  level,
  result,
  blame,
});

/**
 * An independent statement of the rules, for a run of one test, to compare the function against:
 * a run passes only when a SHALL test ran and passed; one in which no SHALL test ran is incomplete.
 */
function expectedVerdict(t: SummaryInput): 'passed' | 'failed' | 'incomplete' | 'environment' {
  if (t.result === 'error' && t.blame === 'environment') return 'environment';
  if (t.level !== 'SHALL' || t.result === 'omit') return 'incomplete';
  if (t.result === 'pass') return 'passed';
  return t.result === 'fail' ? 'failed' : 'incomplete';
}
const exitOf = { passed: 0, failed: 1, incomplete: 1, environment: 3 } as const;

describe('summarise', () => {
  const everyCombination = testResults.flatMap((result) =>
    requirementLevels.flatMap((level) =>
      [undefined, ...blames].map((blame) => test('sf1520.g.t', result, level, blame)),
    ),
  );

  it.each(everyCombination.map((t) => [t.result, t.level, t.blame ?? '-', t] as const))(
    'one %s test at %s (blame %s) gives the verdict the rules say',
    (_result, _level, _blame, t) => {
      const summary = summarise([t]);
      const verdict = expectedVerdict(t);
      expect(summary.verdict).toBe(verdict);
      expect(summary.suites[0]!.verdict).toBe(t.result === 'omit' ? 'not-selected' : verdict);
      expect(summary.exitCode).toBe(exitOf[verdict]);
      expect(summary.counts[t.result]).toBe(1);
      expect(summary.counts.total).toBe(1);
      expect(summary.suites[0]!.shall).toEqual({
        total: t.level === 'SHALL' && t.result !== 'omit' ? 1 : 0,
        passed: t.level === 'SHALL' && t.result === 'pass' ? 1 : 0,
      });
      const judged = t.level === 'SHALL' && t.result !== 'omit';
      expect(summary.requiredNotPassed).toEqual(
        judged && (verdict === 'failed' || verdict === 'incomplete') ? ['sf1520.g.t'] : [],
      );
      expect(summary.requiredNotRun.map((n) => n.id)).toEqual(judged && verdict === 'incomplete' ? ['sf1520.g.t'] : []);
      expect(summary.environmentErrors).toEqual(verdict === 'environment' ? ['sf1520.g.t'] : []);
      expect(summary.advisoryFailed).toEqual(t.level !== 'SHALL' && t.result === 'fail' ? ['sf1520.g.t'] : []);
    },
  );

  it('for every pair of tests, the run verdict is the worst of the two (environment > failed > incomplete > passed), but a SHALL pass beside a test that judged nothing passes', () => {
    const rank = { passed: 0, incomplete: 1, failed: 2, environment: 3 } as const;
    /** Whether the test alone leaves the run without a judgement only because nothing required ran. */
    const judgedNothing = (t: SummaryInput) => t.level !== 'SHALL' || t.result === 'omit';
    for (const a of everyCombination) {
      for (const b of everyCombination) {
        const [va, vb] = [a, b].map((t) =>
          judgedNothing(t) && !(t.result === 'error' && t.blame === 'environment') ? 'passed' : expectedVerdict(t),
        );
        let worst = rank[va!] >= rank[vb!] ? va! : vb!;
        if (worst === 'passed' && judgedNothing(a) && judgedNothing(b)) worst = 'incomplete';
        expect(
          summarise([a, { ...b, id: 'other' }]).verdict,
          `${a.result}/${a.level}/${a.blame} + ${b.result}/${b.level}/${b.blame}`,
        ).toBe(worst);
      }
    }
  });

  it('does not pass an empty run: nothing was checked, so it is incomplete, exit 1', () => {
    expect(summarise([])).toEqual({
      verdict: 'incomplete',
      exitCode: 1,
      counts: { pass: 0, fail: 0, error: 0, skip: 0, omit: 0, wait: 0, total: 0 },
      suites: [],
      requiredNotPassed: [],
      requiredNotRun: [],
      advisoryFailed: [],
      environmentErrors: [],
    });
  });

  it('does not pass a run whose every SHALL test was omitted, nor one where only SHOULD tests ran', () => {
    const omitted = summarise([{ ...test('sf1520.a.x', 'omit'), message: 'Not selected with --integration' }]);
    expect(omitted).toMatchObject({ verdict: 'incomplete', exitCode: 1, requiredNotRun: [] });
    expect(omitted.suites[0]!.verdict).toBe('not-selected');
    expect(summarise([test('sf1520.a.x', 'pass', 'SHOULD')])).toMatchObject({ verdict: 'incomplete', exitCode: 1 });
  });

  it('does not pass a run in which SHALL tests were skipped: 1 of 3 passed, 2 skipped is incomplete, exit 1, with the reasons', () => {
    const summary = summarise([
      test('sf1520.a.x', 'pass'),
      { ...test('sf1520.a.y', 'skip'), message: "Needs the embedded platform's recorder" },
      { ...test('sf1520.a.z', 'skip'), message: 'Needs a trigger hook' },
    ]);
    expect(summary).toMatchObject({
      verdict: 'incomplete',
      exitCode: 1,
      requiredNotPassed: ['sf1520.a.y', 'sf1520.a.z'],
    });
    expect(summary.requiredNotRun).toEqual([
      { id: 'sf1520.a.y', result: 'skip', reason: "Needs the embedded platform's recorder" },
      { id: 'sf1520.a.z', result: 'skip', reason: 'Needs a trigger hook' },
    ]);
    expect(summary.suites[0]).toMatchObject({ verdict: 'incomplete', shall: { total: 3, passed: 1 } });
  });

  it('judges only the selected suites: tests omitted on purpose do not make a run incomplete, ', () => {
    const selected = summarise([
      test('sf1520.a.x', 'pass'),
      { ...test('sf1500.a.x', 'omit', 'SHALL', undefined, 'sf1500'), message: 'Not selected with --integration' },
    ]);
    expect(selected).toMatchObject({ verdict: 'passed', exitCode: 0, requiredNotRun: [] });
    expect(selected.suites.map((s) => [s.verdict, s.shall.total])).toEqual([
      ['passed', 1],
      ['not-selected', 0],
    ]);
  });

  it('does not pass a run whose SHALL tests wait for a person or broke', () => {
    for (const result of ['wait', 'error'] as const) {
      const summary = summarise([
        test('a', 'pass'),
        test('b', result, 'SHALL', result === 'error' ? 'test' : undefined),
      ]);
      expect([summary.verdict, summary.exitCode, summary.requiredNotRun.map((n) => n.id)], result).toEqual([
        'incomplete',
        1,
        ['b'],
      ]);
    }
  });

  it('calls a run with a failed SHALL test failed, even when others were skipped; the environment still wins (exit 3)', () => {
    expect(summarise([test('a', 'fail', 'SHALL', 'supplier'), test('b', 'skip')]).verdict).toBe('failed');
    expect(summarise([test('a', 'skip'), test('b', 'error', 'SHOULD', 'environment')])).toMatchObject({
      verdict: 'environment',
      exitCode: 3,
    });
  });

  it('summarises each suite on its own, in order of first appearance', () => {
    const summary = summarise([
      test('sf1520.a.x', 'pass'),
      test('sf1500.a.x', 'fail', 'SHALL', 'supplier', 'sf1500'),
      test('sf1520.a.y', 'skip'),
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
