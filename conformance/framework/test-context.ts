import type { TestContext } from './definition.ts';
import { EnvironmentError, TestFailure, TestOutcome } from './errors.ts';
import type { ExchangeRecord, TestRecord } from './run-document.ts';

/** What a running test has recorded so far. Closed when the test ends: late calls are ignored. */
export interface TestRecording {
  inputs: Record<string, unknown>;
  exchanges: ExchangeRecord[];
  log: TestRecord['log'];
  closed: boolean;
}

export interface ContextHooks {
  now: () => number;
  onLog?: (text: string) => void;
  onPrompt?: (text: string) => void;
}

/** Builds the context handed to one test body, and the recording it fills. */
export function createTestContext(testId: string, signal: AbortSignal, hooks: ContextHooks) {
  const started = hooks.now();
  const recording: TestRecording = { inputs: {}, exchanges: [], log: [], closed: false };
  const at = () => Math.max(0, Math.round(hooks.now() - started));
  const context: TestContext = {
    testId,
    signal,
    input(name, value) {
      if (!recording.closed) recording.inputs[name] = value;
    },
    exchange(...records) {
      if (recording.closed) return;
      // The same exchange may be attached twice by two checks; keep it once.
      for (const record of records) {
        if (!recording.exchanges.some((known) => known.digest === record.digest)) recording.exchanges.push(record);
      }
    },
    log(text) {
      if (recording.closed) return;
      recording.log.push({ atMs: at(), text });
      hooks.onLog?.(text);
    },
    prompt(text) {
      if (recording.closed) return;
      recording.log.push({ atMs: at(), text: `Asked a person: ${text}` });
      hooks.onPrompt?.(text);
    },
    fail(message) {
      throw new TestFailure(message);
    },
    environment(code, message) {
      throw new EnvironmentError(code, message);
    },
    skip(reason) {
      throw new TestOutcome('skip', reason);
    },
    omit(reason) {
      throw new TestOutcome('omit', reason);
    },
    wait(reason) {
      throw new TestOutcome('wait', reason);
    },
  };
  return { context, recording };
}
