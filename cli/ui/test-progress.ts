import { createElement as h } from 'react';
import { Box, Text } from 'ink';
import { formatDuration } from './test-duration.ts';

/** One test as the progress view shows it. */
export interface TestRowView {
  id: string;
  title: string;
  status: 'pending' | 'running' | 'pass' | 'fail' | 'skip' | 'omit' | 'error' | 'wait';
  durationMs?: number;
  message?: string;
  requirements?: string[];
  /** Whose problem a failure is: the supplier's system, or the environment (platform, certificate, agreement). */
  blame?: 'supplier' | 'environment';
}

export interface SuiteRowView {
  integration: string;
  title: string;
  tests: TestRowView[];
}

export interface TestProgressProps {
  phase: string;
  suites: SuiteRowView[];
  /** A step a person must take in their own system (--interactive), with the seconds left. */
  prompt?: { text: string; secondsLeft: number };
}

const marks: Record<TestRowView['status'], { mark: string; color: string }> = {
  pending: { mark: '·', color: 'gray' },
  running: { mark: '…', color: 'cyan' },
  pass: { mark: '✓', color: 'green' },
  fail: { mark: '✗', color: 'red' },
  error: { mark: '!', color: 'magenta' },
  skip: { mark: '-', color: 'yellow' },
  omit: { mark: '○', color: 'gray' },
  wait: { mark: '?', color: 'blue' },
};

const notPassed = new Set<TestRowView['status']>(['fail', 'error', 'skip', 'wait']);
/** At most this many tests that did not pass are shown while the run goes on: the frame must fit a terminal to be redrawn in place (the summary lists every one). */
const shownProblems = 8;

/** A suite's one line: its mark, and how far it got ("not selected" when --integration left it out). */
function suiteState(suite: SuiteRowView): { mark: string; color: string; text: string } {
  const tests = suite.tests;
  const done = tests.filter((t) => t.status !== 'pending' && t.status !== 'running');
  const took = formatDuration(tests.reduce((sum, t) => sum + (t.durationMs ?? 0), 0));
  if (tests.length > 0 && tests.every((t) => t.status === 'omit')) return { ...marks.omit, text: 'not selected' };
  if (done.length < tests.length) {
    const running = tests.find((t) => t.status === 'running');
    return done.length === 0 && !running
      ? { ...marks.pending, text: `0/${tests.length}` }
      : { ...marks.running, text: `${done.length}/${tests.length} ${took}` };
  }
  const worst = tests.some((t) => t.status === 'fail')
    ? marks.fail
    : tests.some((t) => t.status === 'error')
      ? marks.error
      : marks.pass;
  return { ...worst, text: `${done.length}/${tests.length} ${took}` };
}

/**
 * Live view of a conformance run: one line per integration, the test running now, and the tests
 * that did not pass with why. It is redrawn while the run goes on and cleared at its end, when
 * the summary (the same text as without a terminal) is printed once.
 */
export function TestProgress({ phase, suites, prompt }: TestProgressProps) {
  const running = suites.flatMap((s) =>
    s.tests.filter((t) => t.status === 'running').map((t) => ({ suite: s, test: t })),
  );
  const problems = suites.flatMap((s) =>
    s.tests.filter((t) => notPassed.has(t.status)).map((t) => ({ suite: s, test: t })),
  );
  return h(
    Box,
    { flexDirection: 'column' },
    h(Text, { bold: true }, phase),
    suites.map((suite) => {
      const state = suiteState(suite);
      return h(
        Text,
        { key: suite.integration },
        '  ',
        h(Text, { color: state.color }, state.mark),
        ' ',
        h(Text, { bold: true }, suite.integration.padEnd(7)),
        ' ',
        suite.title,
        ' ',
        h(Text, { color: 'gray' }, state.text),
      );
    }),
    running.map(({ suite, test }) =>
      h(
        Text,
        { key: `running-${test.id}`, color: 'cyan' },
        '  ',
        marks.running.mark,
        ' ',
        suite.integration,
        ' ',
        test.title,
      ),
    ),
    problems.length > 0
      ? h(
          Box,
          { flexDirection: 'column', marginTop: 1 },
          problems
            .slice(-shownProblems)
            .map(({ suite, test }) =>
              h(
                Box,
                { key: test.id, flexDirection: 'column', paddingLeft: 2 },
                h(
                  Text,
                  null,
                  h(Text, { color: marks[test.status].color }, marks[test.status].mark),
                  ' ',
                  suite.integration,
                  ' ',
                  test.title,
                  ' ',
                  h(Text, { color: 'gray' }, formatDuration(test.durationMs)),
                  test.blame === 'environment' ? h(Text, { color: 'magenta' }, ' [environment]') : null,
                ),
                test.message
                  ? h(
                      Text,
                      { color: 'gray', wrap: 'truncate-end' },
                      '    ',
                      test.requirements?.length ? `${test.requirements.join(', ')}: ` : '',
                      test.message,
                    )
                  : null,
              ),
            ),
          problems.length > shownProblems
            ? h(Text, { color: 'gray' }, '  and ', problems.length - shownProblems, ' more, listed at the end')
            : null,
        )
      : null,
    prompt
      ? h(
          Box,
          { marginTop: 1, borderStyle: 'round', borderColor: 'blue', flexDirection: 'column', paddingX: 1 },
          h(Text, { bold: true }, 'Do this in your system now:'),
          h(Text, null, prompt.text),
          h(Text, { color: 'gray' }, 'Waiting for the platform to see it… ', prompt.secondsLeft, ' s left'),
        )
      : null,
  );
}
