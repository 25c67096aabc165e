/**
 * The tape of a test: every interaction its body had with the world outside it (trigger
 * requests and the system's replies, recorder queries and the exchanges they returned, the
 * runner's own platform calls, pushes, clock readings, random ids), in the order it had them.
 * `klarmeld verify` runs the shipped test body again against its tape (replay-run.ts): every
 * verdict must follow from what the run recorded. The framework does not interpret an entry;
 * the environment that wrote it (conformance/suites/shared/tape-environment.ts) reads it back.
 */
import { z } from 'zod';
import { exchangeRecord, type ExchangeRecord } from './exchange-record.ts';

export const tapeFormat = 'klarmeld.tape/1';

export const tapeEntry = z
  .strictObject({
    kind: z
      .string()
      .meta({ description: 'What the body asked for, e.g. trigger, recorder.since, platform.call, push, clock, uuid' }),
    ask: z.unknown().meta({ description: 'What it asked with (the parts a replay must ask with again)' }),
    answer: z
      .unknown()
      .optional()
      .meta({ description: 'What came back; exchanges by digest (their records are in the run)' }),
    thrown: z
      .strictObject({
        type: z.enum(['failure', 'environment', 'outcome', 'error']),
        name: z.string(),
        message: z.string(),
        code: z.string().optional(),
        result: z.string().optional(),
      })
      .optional()
      .meta({ description: 'What the door threw instead of answering' }),
    pending: z
      .literal(true)
      .optional()
      .meta({ description: 'No answer came before the test ended (its time ran out here)' }),
  })
  .meta({ description: 'One interaction of a test body with the outside world' });
export type TapeEntry = z.infer<typeof tapeEntry>;

export const testTape = z.strictObject({
  test: z.string(),
  timeoutMs: z.number().int().positive(),
  timedOut: z.boolean(),
  entries: z.array(tapeEntry),
});
export type TestTape = z.infer<typeof testTape>;

/** What a replay needs besides the tapes: the environment as the suites saw it (never key material). */
export const replaySection = z
  .strictObject({
    format: z.literal(tapeFormat),
    environment: z.record(z.string(), z.unknown()).meta({
      description: 'The suite environment the tests saw: system, platform URLs, agreements, the doors the run had',
    }),
    unavailable: z
      .record(z.string(), z.string())
      .meta({ description: 'Capabilities the run lacked, with the reason the tests that need them were skipped for' }),
    exchanges: z.array(exchangeRecord).meta({
      description:
        'Platform-signed exchanges the tapes refer to that no test attached (the attestation covers them too)',
    }),
    tapes: z.array(testTape),
  })
  .meta({ description: "Every test body's interactions, so klarmeld verify can re-derive each verdict offline" });
export type ReplaySection = z.infer<typeof replaySection>;

/** Written by the environment while one test body runs; closed when the test ends (late answers are not taped). */
export class TapeWriter {
  readonly entries: TapeEntry[] = [];
  /** Every platform-signed record an answer referred to, by digest. */
  readonly records = new Map<string, ExchangeRecord>();
  closed = false;

  /** Starts an entry; call the returned function with the answer (or `{ thrown }`) when it comes. */
  begin(kind: string, ask: unknown): (done: { answer: unknown } | { thrown: TapeEntry['thrown'] }) => void {
    if (this.closed) return () => {};
    // Copied as the run document will hold them: a body that changes an object later does not change its tape.
    const entry: TapeEntry = { kind, ask: asJson(ask), pending: true };
    this.entries.push(entry);
    return (done) => {
      if (this.closed) return;
      delete entry.pending;
      Object.assign(entry, 'answer' in done ? { answer: asJson(done.answer) } : done);
    };
  }

  keep(record: ExchangeRecord): string {
    this.records.set(record.digest, record);
    return record.digest;
  }
}

function asJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/**
 * An environment that can tape: the runner asks it for the environment one test body gets.
 * Put on the environment under this symbol (a property no suite reads).
 */
export const tapeDoor = Symbol.for('klarmeld.tape-door');

export interface Tapeable<E> {
  [tapeDoor]: {
    /**
     * The environment as the suites saw it, for the replay section (no key material). Its
     * `system: { id, userSystemUuid }` must be the run's system (rederiveRun checks it against the
     * profile and the attestation).
     */
    describe(): Record<string, unknown>;
    /** The environment for one test body, writing to `tape`. */
    forTest(tape: TapeWriter): E;
  };
}

export function tapeableOf<E>(environment: E): Tapeable<E>[typeof tapeDoor] | undefined {
  return (environment as Partial<Tapeable<E>> | null)?.[tapeDoor];
}
