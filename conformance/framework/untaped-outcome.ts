/**
 * A test without a tape is one whose body never ran: the runner decided its result before it
 * (runner.ts). Only those decisions are accepted without a replay, each with the reason the
 * runner gives, so a changed runner cannot turn a failure it would rather hide into a skip.
 */
import type { TestDefinition } from './definition.ts';
import type { RunDocument, TestRecord } from './run-document.ts';

const stoppedPrefix = 'Not run: the environment failed earlier';
const setupPrefix = 'The suite could not be set up: ';

/** Why the run's result of an untaped test is not one the runner gives without running it; undefined when it is. */
export function untapedProblem(
  record: TestRecord,
  test: TestDefinition<any>,
  document: RunDocument,
): string | undefined {
  const before = document.tests.slice(0, document.tests.indexOf(record));
  const unavailable = document.replay?.unavailable ?? {};
  if (record.result === 'omit') return undefined; // whole suites only: checked with the suite
  if (
    record.result === 'skip' &&
    (test.requires ?? []).some((capability) => unavailable[capability] === record.message)
  )
    return undefined;
  if (
    record.result === 'skip' &&
    record.message?.startsWith(stoppedPrefix) &&
    before.some((t) => t.result === 'error' && t.blame === 'environment')
  )
    return undefined;
  if (record.result === 'error' && record.message?.startsWith(setupPrefix)) {
    const suite = document.tests.filter((t) => t.suite === record.suite && t.result !== 'omit');
    if (suite.every((t) => t.result === record.result && t.message === record.message && t.blame === record.blame))
      return undefined;
  }
  return `${record.id} is a ${record.result}${record.message ? ` ("${record.message.slice(0, 120)}")` : ''} with no tape of what it did, and not one the runner gives a test it did not run (not selected, a door the run lacks, an earlier environment error, a suite that could not be set up), so the verdict cannot be re-derived`;
}
