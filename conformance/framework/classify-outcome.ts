import { EnvironmentError, isAssertionError, TestFailure, TestOutcome } from './errors.ts';
import type { TestRecord } from './run-document.ts';

/** Raised by the runner when a test's time is up. */
export class TestTimeout extends Error {
  override name = 'TestTimeout';
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

export type Outcome = Pick<TestRecord, 'result' | 'blame' | 'message' | 'code'>;

/**
 * What a thrown value means for the result. A TestFailure, including its subclasses (the
 * runner's TriggerError: the system's trigger hook answers nonsense), is the supplier's; a hook
 * that gives no answer at all is an EnvironmentError (the runner's system-unresponsive). A timeout is the supplier's too: the test waits for the system to act (or
 * answer), and it did not. A test that needs to say "the platform did
 * not answer" throws an EnvironmentError itself.
 */
export function classifyOutcome(thrown: unknown): Outcome {
  if (thrown instanceof TestOutcome) return { result: thrown.result, message: thrown.message };
  if (thrown instanceof EnvironmentError)
    return { result: 'error', blame: 'environment', code: thrown.code, message: thrown.message };
  if (thrown instanceof TestFailure || isAssertionError(thrown)) {
    return { result: 'fail', blame: 'supplier', message: (thrown as Error).message };
  }
  if (thrown instanceof TestTimeout) {
    const seconds = thrown.timeoutMs / 1000;
    return {
      result: 'fail',
      blame: 'supplier',
      message: `The system did not do what the test waits for within ${seconds} s. Check that it reacts to the trigger and can reach the platform.`,
    };
  }
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  return {
    result: 'error',
    blame: 'test',
    message: `The test itself broke (${error.name}: ${error.message}). This is a bug in klarmeld's suite, not in your system; please report it.`,
  };
}
