/**
 * Runs one shipped test body again against its tape and says whether it comes to what the run
 * recorded: the same result, blame, code and message, the same inputs, the same exchanges
 * attached as evidence.
 */
import { canonicalJson } from '../evidence/index.ts';
import { classifyOutcome, TestTimeout, type Outcome } from './classify-outcome.ts';
import type { TestDefinition } from './definition.ts';
import type { ExchangeRecord, TestRecord } from './run-document.ts';
import type { TestTape } from './tape.ts';
import { createTestContext } from './test-context.ts';

/** How far a replay environment got on its tape (conformance/suites/shared/replay-environment.ts). */
export interface ReplayCursorLike {
  used: number;
  end?: 'timed-out' | 'left-tape';
  problem?: string;
  stopped: Promise<unknown>;
}

/** Builds the environment one test body gets on replay, answering from `tape`. */
export type ReplayEnvironmentFactory<E> = (
  description: unknown,
  tape: TestTape,
  records: Map<string, ExchangeRecord>,
) => { env: E; cursor: ReplayCursorLike };

export type ReplayVerdict =
  { ok: true } | { ok: false; code: 'left-tape' | 'tape-unused' | 'verdict-differs'; message: string };

const said = (o: Outcome) =>
  `${o.result}${o.blame ? ` (${o.blame}${o.code ? ` ${o.code}` : ''})` : ''}${o.message ? `: "${o.message.slice(0, 160)}"` : ''}`;

export async function replayTest<E>(
  test: TestDefinition<E>,
  record: TestRecord,
  tape: TestTape,
  description: unknown,
  records: Map<string, ExchangeRecord>,
  environmentFor: ReplayEnvironmentFactory<E>,
): Promise<ReplayVerdict> {
  const { context, recording } = createTestContext(record.id, new AbortController().signal, { now: () => 0 });
  let made: { env: E; cursor: ReplayCursorLike };
  try {
    made = environmentFor(description, tape, records);
  } catch (error) {
    return { ok: false, code: 'left-tape', message: `${record.id} cannot be replayed: ${(error as Error).message}` };
  }
  const { env, cursor } = made;
  const body = Promise.resolve()
    .then(() => test.run(context, env))
    .then(
      (): Outcome => ({ result: 'pass' }),
      (error: unknown) => classifyOutcome(error),
    );
  const ended = await Promise.race([body, cursor.stopped.then(() => undefined)]);
  recording.closed = true;
  if (cursor.end === 'left-tape') {
    return {
      ok: false,
      code: 'left-tape',
      message: `${record.id} does not follow from its tape: ${cursor.problem ?? 'it left the tape'}`,
    };
  }
  if (!cursor.end && cursor.used < tape.entries.length) {
    return {
      ok: false,
      code: 'tape-unused',
      message: `${record.id} ended after ${cursor.used} of the ${tape.entries.length} steps on its tape: the run taped interactions the shipped test does not make`,
    };
  }
  // A run whose time ran out is judged as timed out, wherever the replay stopped: a timeout can only ever fail a test.
  const replayed =
    cursor.end === 'timed-out' || tape.timedOut ? classifyOutcome(new TestTimeout(tape.timeoutMs)) : ended!;
  const recorded: Outcome = { result: record.result, blame: record.blame, code: record.code, message: record.message };
  const pick = (o: Outcome) => canonicalJson({ result: o.result, blame: o.blame, code: o.code, message: o.message });
  if (pick(replayed) !== pick(recorded)) {
    return {
      ok: false,
      code: 'verdict-differs',
      message: `${record.id}: the run says ${said(recorded)}, but the shipped test replayed on the run's own tape gives ${said(replayed)}`,
    };
  }
  if (canonicalJson(recording.inputs) !== canonicalJson(record.inputs)) {
    return {
      ok: false,
      code: 'verdict-differs',
      message: `${record.id}: the inputs the run shows (${canonicalJson(record.inputs).slice(0, 160)}) are not the ones the test chose on replay (${canonicalJson(recording.inputs).slice(0, 160)})`,
    };
  }
  const digests = (list: ExchangeRecord[]) => list.map((e) => e.digest).join(',');
  if (digests(recording.exchanges) !== digests(record.exchanges)) {
    return {
      ok: false,
      code: 'verdict-differs',
      message: `${record.id}: the run attaches ${record.exchanges.length} exchange(s) as evidence, but the shipped test on the run's tape attaches ${recording.exchanges.length} other or different one(s)`,
    };
  }
  return { ok: true };
}
