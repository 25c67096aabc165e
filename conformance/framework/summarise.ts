/**
 * The one function that turns test results into a verdict (DESIGN.md §4.7). Pure: the same
 * results give the same summary, whoever computes it (runner, reporters, `klarmeld verify`).
 *
 * Rules (a test is required when it verifies a SHALL requirement, i.e. its `level` is SHALL):
 * - `environment` (exit 3) when any test errored because of the environment: nothing else in
 *   the run can be trusted then;
 * - otherwise `failed` (exit 1) when a required test failed: the system did not do what the
 *   integration requires;
 * - otherwise `incomplete` (exit 1) when a required test did not pass for any other reason: it
 *   was skipped, waits for a person, or broke (an error blamed on the suite). Such a run never
 *   showed that the system does what the test checks, so it does not show readiness. Tests
 *   omitted on purpose (a suite not selected with --integration) do not count: the verdict is
 *   about what was asked for, and the sheet records only integrations whose tests ran (the
 *   runner refuses a selection that leaves nothing to run);
 * - otherwise `incomplete` (exit 1) too when no required test ran at all (an empty run, or one
 *   whose every SHALL test was omitted): a run that checked nothing shows nothing;
 * - otherwise `passed` (exit 0): every required test ran and passed, and at least one did;
 * - a suite whose every test was omitted (not selected with --integration) is `not-selected`,
 *   never `passed`: nobody looked at the system for it. The run's verdict is never `not-selected`;
 * - SHOULD/MAY tests never change the verdict; their failures are listed in `advisoryFailed`.
 */
import type { Counts, Summary, SuiteSummary, Verdict } from './run-document.ts';
import { type Blame, type RequirementLevel, type TestResult } from './results.ts';

/** The part of a test record the summary depends on. */
export interface SummaryInput {
  id: string;
  suite: string;
  integration: string;
  level: RequirementLevel;
  result: TestResult;
  blame?: Blame;
  /** The reason a skipped, omitted, waiting or broken test gives. */
  message?: string;
}

/**
 * Exit codes of `klarmeld test` (fixed by the issue): 0 passed, 1 a required test did not pass
 * (or none ran), 3 environment. `not-selected` is only ever a suite's verdict; were it a run's,
 * nothing would have been judged, hence 1.
 */
export const verdictExitCodes = {
  passed: 0,
  failed: 1,
  incomplete: 1,
  environment: 3,
  'not-selected': 1,
} as const satisfies Record<Verdict, 0 | 1 | 3>;

function emptyCounts(): Counts {
  return { pass: 0, fail: 0, error: 0, skip: 0, omit: 0, wait: 0, total: 0 };
}

const isEnvironmentError = (t: SummaryInput) => t.result === 'error' && t.blame === 'environment';
const isRequiredNotPassed = (t: SummaryInput) =>
  t.level === 'SHALL' && t.result !== 'pass' && t.result !== 'omit' && !isEnvironmentError(t);
const isRequiredFailed = (t: SummaryInput) => t.level === 'SHALL' && t.result === 'fail';
const isRequiredNotRun = (t: SummaryInput) => isRequiredNotPassed(t) && !isRequiredFailed(t);
const isRequiredRun = (t: SummaryInput) => t.level === 'SHALL' && t.result !== 'omit';

function verdictOf(tests: readonly SummaryInput[]): Exclude<Verdict, 'not-selected'> {
  if (tests.some(isEnvironmentError)) return 'environment';
  if (tests.some(isRequiredFailed)) return 'failed';
  if (tests.some(isRequiredNotRun)) return 'incomplete';
  if (!tests.some((t) => t.level === 'SHALL' && t.result === 'pass')) return 'incomplete';
  return 'passed';
}

/** A suite's verdict: `not-selected` when none of its tests was selected, else as for a run. */
function suiteVerdictOf(tests: readonly SummaryInput[]): Verdict {
  return tests.every((t) => t.result === 'omit') ? 'not-selected' : verdictOf(tests);
}

function countsOf(tests: readonly SummaryInput[]): Counts {
  const counts = emptyCounts();
  for (const test of tests) {
    counts[test.result] += 1;
    counts.total += 1;
  }
  return counts;
}

const withoutReason: Record<TestResult, string> = {
  pass: '',
  fail: '',
  error: 'the test broke',
  skip: 'skipped without a reason',
  omit: 'omitted without a reason',
  wait: 'waits for a person',
};

/** Summarises results per suite (in order of first appearance) and for the whole run. */
export function summarise(tests: readonly SummaryInput[]): Summary {
  const bySuite = new Map<string, SummaryInput[]>();
  for (const test of tests) bySuite.set(test.suite, [...(bySuite.get(test.suite) ?? []), test]);
  const suites: SuiteSummary[] = [...bySuite].map(([suite, list]) => {
    const shall = list.filter(isRequiredRun);
    return {
      suite,
      integration: list[0]!.integration,
      counts: countsOf(list),
      shall: { total: shall.length, passed: shall.filter((t) => t.result === 'pass').length },
      verdict: suiteVerdictOf(list),
    };
  });
  const verdict = verdictOf(tests);
  return {
    verdict,
    exitCode: verdictExitCodes[verdict],
    counts: countsOf(tests),
    suites,
    requiredNotPassed: tests.filter(isRequiredNotPassed).map((t) => t.id),
    requiredNotRun: tests
      .filter(isRequiredNotRun)
      .map((t) => ({ id: t.id, result: t.result, reason: t.message || withoutReason[t.result] })),
    advisoryFailed: tests.filter((t) => t.level !== 'SHALL' && t.result === 'fail').map((t) => t.id),
    environmentErrors: tests.filter(isEnvironmentError).map((t) => t.id),
  };
}

/** The results in the order reports list them: problems first. */
export const resultOrder: readonly TestResult[] = ['error', 'fail', 'wait', 'skip', 'omit', 'pass'];
