import { EnvironmentError } from '../../conformance/framework/index.ts';
import { ProfileError } from '../../conformance/profile/index.ts';
import { SystemStartError } from '../../conformance/runner/index.ts';

/**
 * Why a conformance run could not start, told as `klarmeld test` and `klarmeld demo` both tell
 * it: profile problems exit 2, environment problems 3 (on stderr, or as JSON with --json);
 * anything else is not foreseen and is thrown on (main answers it with exit 70).
 */
export function reportStartFailure(error: unknown, json = false): number {
  const fail = (code: string, message: string, exitCode: number) => {
    if (json) process.stdout.write(`${JSON.stringify({ error: { code, message }, exitCode }, null, 2)}\n`);
    else process.stderr.write(`${message}\n`);
    return exitCode;
  };
  if (error instanceof ProfileError) return fail(error.problems[0]?.code ?? 'profile-invalid', error.message, 2);
  if (error instanceof SystemStartError)
    return fail(error.code, `${error.message}\nCheck start.command in the profile.`, 2);
  if (error instanceof EnvironmentError)
    return fail(error.code, `Environment problem (${error.code}): ${error.message}`, 3);
  throw error;
}
