import { EnvironmentError, TestFailure } from '../framework/index.ts';
import { triggerReply, type TriggerAction, type TriggerReply } from '../profile/index.ts';

/** Asks the system under test to perform one action and resolves to its reply. */
export type Trigger = (action: TriggerAction | (string & {}), params: Record<string, unknown>) => Promise<TriggerReply>;

/**
 * The trigger hook answered nonsense: not JSON, not the trigger protocol, or more than the
 * runner reads. The hook is part of the supplier's system, so this is a TestFailure: the test
 * ends `fail` (blame `supplier`) with this message, which names the hook and what it answered.
 */
export class TriggerError extends TestFailure {
  override name = 'TriggerError';
  readonly code = 'trigger-failed';
}

/**
 * The system gave no answer at all: nothing listens, the connection broke, or no complete reply
 * came within the trigger timeout. A dead or hung system cannot be tested, so this is an
 * environment error (exit 3): the framework then stops the run instead of waiting the timeout
 * again for every remaining test, and the sheet records nothing from it.
 */
export class SystemUnresponsiveError extends EnvironmentError {
  override name = 'SystemUnresponsiveError';

  constructor(message: string) {
    super('system-unresponsive', message);
  }
}

/**
 * Once the system has not answered a trigger, later calls fail at once with the same reason:
 * a system that is dead or hung is not asked again, and waited for again, test after test.
 */
export function stopAfterSilence(trigger: Trigger): Trigger {
  let silence: SystemUnresponsiveError | undefined;
  return async (action, params) => {
    if (silence)
      throw new SystemUnresponsiveError(
        `Not asked "${action}": the system did not answer an earlier trigger. ${silence.message}`,
      );
    try {
      return await trigger(action, params);
    } catch (error) {
      if (error instanceof SystemUnresponsiveError) silence = error;
      throw error;
    }
  };
}

/** Reads a reply by the trigger protocol; `what` says who answered what, for the message. */
export function parseReply(text: string, what: string): TriggerReply {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TriggerError(`${what}, but not with JSON: ${text.slice(0, 200)}`);
  }
  const parsed = triggerReply.safeParse(json);
  if (!parsed.success) {
    throw new TriggerError(
      `${what} with ${text.slice(0, 200)}; expected { "ok": true, "result": … } or { "ok": false, "error": { "code", "message" } }`,
    );
  }
  return parsed.data;
}

/** What every "no answer" message ends with: why the run stops, and what the supplier should check. */
export function unansweredAdvice(timeoutSeconds: number, check: string): string {
  return `A system that does not answer cannot be tested, so klarmeld ends the run here instead of waiting up to ${timeoutSeconds} s for each remaining test. ${check}`;
}
