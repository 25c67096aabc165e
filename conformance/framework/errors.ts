/**
 * What a test body throws to end with a result other than `pass`. Anything else thrown is a
 * broken test (`error`, blame `test`), except an assertion error, which is a `fail`.
 */

/** The system under test did not do what the requirement asks. Result `fail`, blame `supplier`. */
export class TestFailure extends Error {
  override name = 'TestFailure';
}

/**
 * The test could not be carried out because of the environment: the platform is unreachable,
 * the certificate is expired or unknown, an agreement is missing or pending. Result `error`,
 * blame `environment`; `klarmeld test` exits 3. `code` is permanent (e.g. `platform-unreachable`).
 */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** Ends a test with `skip`, `omit` or `wait` and a reason the report shows. */
export class TestOutcome extends Error {
  override name = 'TestOutcome';
  readonly result: 'skip' | 'omit' | 'wait';

  constructor(result: 'skip' | 'omit' | 'wait', reason: string) {
    super(reason);
    this.result = result;
  }
}

/** True for errors raised by assertion libraries (node:assert, vitest/chai): a failed check, so `fail`. */
export function isAssertionError(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'AssertionError' || (error as { code?: unknown }).code === 'ERR_ASSERTION')
  );
}
