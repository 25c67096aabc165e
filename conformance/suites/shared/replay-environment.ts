import { z } from 'zod';
import type { Dispatcher } from 'undici';
import { canonicalJson } from '../../evidence/index.ts';
import { EnvironmentError, TestFailure, TestOutcome } from '../../framework/index.ts';
import type { ExchangeRecord } from '../../framework/index.ts';
import type { TapeEntry, TestTape } from '../../framework/index.ts';
import type { Exchange, PlatformReply, PushOutcome, SuiteEnvironment } from './environment.ts';
import { toExchange } from './recorder-client.ts';

/** The environment a run described (tape-environment.ts describeEnvironment), read back. */
const described = z.object({
  target: z.enum(['embedded', 'external-test']),
  system: z.object({ id: z.string(), userSystemUuid: z.string(), municipalityCvr: z.string(), certPem: z.string() }),
  platform: z.object({
    baseUrl: z.string(),
    urls: z.record(z.string(), z.string()),
    agreements: z.array(z.any()).optional(),
  }),
  callbackUrl: z.string().optional(),
  caPem: z.string(),
  doors: z.object({ recorder: z.boolean(), trigger: z.boolean(), network: z.boolean(), beskedfordeler: z.boolean() }),
});

/** Where a replay stands: how far the body got on its tape, and how it left it. */
export interface ReplayCursor {
  used: number;
  /** How the replay had to stop, once it had to (set at once, before `stopped` settles). */
  end?: 'timed-out' | 'left-tape';
  /** Why the body could not be answered from its tape (it asked for something else, or for more). */
  problem?: string;
  /** Settles when the replay must stop: the body reached the point where its time ran out, or left its tape. */
  stopped: Promise<'timed-out' | 'left-tape'>;
}

/** Thrown into a body that asked its tape for something it does not hold; the replay reports it, whatever the body does with it. */
export class LeftTape extends Error {
  override name = 'LeftTape';
}

const never = new Promise<never>(() => {});
const show = (kind: string, ask: unknown) => `${kind} ${canonicalJson(ask ?? {}).slice(0, 200)}`;

/**
 * The environment a test body gets on replay: every door answers from the test's tape, in the
 * order the run asked, and only when the body asks the same thing again. Exchanges come from
 * the run's platform-signed records. `keyPem` is any private key: the body builds and signs
 * requests that go nowhere (the system's own key is never in a run).
 */
export function replayEnvironment(
  description: unknown,
  tape: TestTape,
  records: Map<string, ExchangeRecord>,
  keyPem: string,
): { env: SuiteEnvironment; cursor: ReplayCursor } {
  let stop!: (why: 'timed-out' | 'left-tape') => void;
  let settle!: (why: 'timed-out' | 'left-tape') => void;
  const cursor: ReplayCursor = { used: 0, stopped: new Promise((resolve) => (settle = resolve)) };
  stop = (why) => {
    cursor.end ??= why;
    settle(why);
  };
  const leave = (problem: string): never => {
    cursor.problem ??= problem;
    stop('left-tape');
    throw new LeftTape(problem);
  };
  const seen = described.safeParse(description);
  if (!seen.success)
    leave(
      `the run's description of the environment is not one klarmeld wrote (${seen.error.issues[0]?.message ?? 'unreadable'})`,
    );
  const d = seen.data!;

  /** The next entry, when the body asks what the run asked; undefined when the run's time ran out there. */
  function next(kind: string, ask: unknown): TapeEntry | undefined {
    const entry = tape.entries[cursor.used];
    if (!entry) {
      if (tape.timedOut) return void stop('timed-out');
      return leave(
        `after ${cursor.used} step${cursor.used === 1 ? '' : 's'} the test asked for ${show(kind, ask)}, and the tape ends there`,
      );
    }
    if (entry.kind !== kind || canonicalJson(entry.ask ?? {}) !== canonicalJson(ask ?? {})) {
      return leave(
        `at step ${cursor.used + 1} the test asked for ${show(kind, ask)}, but the tape holds ${show(entry.kind, entry.ask)}`,
      );
    }
    if (entry.pending) return void stop('timed-out');
    cursor.used += 1;
    if (entry.thrown) throw rethrown(entry.thrown);
    return entry;
  }
  const answer = async <T>(kind: string, ask: unknown): Promise<T> => {
    const entry = next(kind, ask);
    return entry ? (entry.answer as T) : never;
  };
  const answerNow = <T>(kind: string, ask: unknown = {}): T => {
    const entry = next(kind, ask);
    // A reading cannot wait; a run whose time ran out at a reading ends here all the same.
    if (!entry) throw new LeftTape('the test timed out here');
    return entry.answer as T;
  };
  const exchange = (digest: unknown): Exchange => {
    const record = typeof digest === 'string' ? records.get(digest) : undefined;
    if (!record)
      return leave(
        `the tape refers to exchange ${String(digest).slice(0, 16)}…, which the run does not hold or the platform did not attest`,
      );
    return toExchange(record as never);
  };

  const env: SuiteEnvironment = {
    target: d.target,
    system: { ...d.system, keyPem },
    platform: {
      baseUrl: d.platform.baseUrl,
      urls: d.platform.urls,
      agreements: d.platform.agreements,
      dispatcher: noDispatcher,
      call: async (url, init) => {
        const taped = await answer<PlatformReply & { exchange?: unknown }>('platform.call', {
          url,
          method: init.method ?? 'GET',
        });
        if (taped.exchange === undefined) return taped;
        // The platform's record decides status and body; the runner's copy is not on the tape.
        const recorded = exchange(taped.exchange);
        return { status: recorded.status ?? 0, body: recorded.responseBody, headers: taped.headers ?? {} };
      },
    },
    ...(d.doors.recorder
      ? {
          recorder: {
            mark: () => answer<string>('recorder.mark', {}),
            since: async (marker: string) =>
              ((await answer<unknown[]>('recorder.since', { marker })) ?? []).map(exchange),
          },
        }
      : {}),
    ...(d.doors.trigger
      ? { trigger: (action: string, params: Record<string, unknown>) => answer('trigger', { action, params }) }
      : {}),
    ...(d.doors.network ? { network: { failNext: (count: number) => void answerNow('network.fail', { count }) } } : {}),
    ...(d.doors.beskedfordeler
      ? {
          beskedfordeler: {
            push: async (options: { messageUuid?: string; body?: string }) => {
              const taped = await answer<PushOutcome & { exchange?: unknown }>('push', options);
              return { ...taped, ...(taped.exchange !== undefined ? { exchange: exchange(taped.exchange) } : {}) };
            },
          },
        }
      : {}),
    ...(d.callbackUrl ? { callbackUrl: d.callbackUrl } : {}),
    caPem: d.caPem,
    world: {
      now: () => answerNow<number>('clock'),
      uuid: () => answerNow<string>('uuid'),
      // The run waited for the recorder; the tape already holds what it then saw.
      sleep: async () => {},
      observe: (kind, ask) => answer(`observe.${kind}`, ask),
    },
  };
  return { env, cursor };
}

/** What the door threw in the run, thrown again (the class decides the result, the message is compared). */
function rethrown(thrown: NonNullable<TapeEntry['thrown']>): Error {
  if (thrown.type === 'environment') return new EnvironmentError(thrown.code ?? 'unknown', thrown.message);
  if (thrown.type === 'outcome') return new TestOutcome(thrown.result as 'skip' | 'omit' | 'wait', thrown.message);
  const error = thrown.type === 'failure' ? new TestFailure(thrown.message) : new Error(thrown.message);
  error.name = thrown.name;
  return error;
}

/** A replay reaches nothing: a request that bypassed the doors would be a suite bug, and says so. */
const noDispatcher = {
  dispatch() {
    throw new Error('A replayed test tried to reach the network outside its doors');
  },
} as unknown as Dispatcher;
