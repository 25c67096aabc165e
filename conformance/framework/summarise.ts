/**
 * The one function that turns test results into a verdict (DESIGN.md §4.7). Pure: the same
 * results give the same summary, whoever computes it (runner, reporters, `klarmeld verify`).
 *
 * Rules:
 * - a test is required when it verifies a SHALL requirement (its `level` is SHALL);
 * - verdict `environment` (exit 3) when any test errored because of the environment: nothing
 *   else in the run can be trusted then;
 * - otherwise `failed` (exit 1) when a required test failed, errored (a broken test) or waits
 *   for a person;
 * - otherwise `passed` (exit 0). Skipped and omitted tests never pass anything: a skipped SHALL
 *   test keeps `shall.passed` below `shall.total`, which is what klarmelding looks at;
 * - SHOULD/MAY failures are listed in `advisoryFailed` and do not fail the run.
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
}

const exitCodes = { passed: 0, failed: 1, environment: 3 } as const;

function emptyCounts(): Counts {
  return { pass: 0, fail: 0, error: 0, skip: 0, omit: 0, wait: 0, total: 0 };
}

const isEnvironmentError = (t: SummaryInput) => t.result === 'error' && t.blame === 'environment';
const isRequiredNotPassed = (t: SummaryInput) =>
  t.level === 'SHALL' && !isEnvironmentError(t) && (t.result === 'fail' || t.result === 'error' || t.result === 'wait');

function verdictOf(tests: readonly SummaryInput[]): Verdict {
  if (tests.some(isEnvironmentError)) return 'environment';
  if (tests.some(isRequiredNotPassed)) return 'failed';
  return 'passed';
}

function countsOf(tests: readonly SummaryInput[]): Counts {
  const counts = emptyCounts();
  for (const test of tests) {
    counts[test.result] += 1;
    counts.total += 1;
  }
  return counts;
}

/** Summarises results per suite (in order of first appearance) and for the whole run. */
export function summarise(tests: readonly SummaryInput[]): Summary {
  const bySuite = new Map<string, SummaryInput[]>();
  for (const test of tests) bySuite.set(test.suite, [...(bySuite.get(test.suite) ?? []), test]);
  const suites: SuiteSummary[] = [...bySuite].map(([suite, list]) => {
    const shall = list.filter((t) => t.level === 'SHALL' && t.result !== 'omit');
    return {
      suite,
      integration: list[0]!.integration,
      counts: countsOf(list),
      shall: { total: shall.length, passed: shall.filter((t) => t.result === 'pass').length },
      verdict: verdictOf(list),
    };
  });
  const verdict = verdictOf(tests);
  return {
    verdict,
    exitCode: exitCodes[verdict],
    counts: countsOf(tests),
    suites,
    requiredNotPassed: tests.filter(isRequiredNotPassed).map((t) => t.id),
    advisoryFailed: tests.filter((t) => t.level !== 'SHALL' && t.result === 'fail').map((t) => t.id),
    environmentErrors: tests.filter(isEnvironmentError).map((t) => t.id),
  };
}

/** The results in the order reports list them: problems first. */
export const resultOrder: readonly TestResult[] = ['error', 'fail', 'wait', 'skip', 'omit', 'pass'];
