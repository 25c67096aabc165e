import { randomUUID } from 'node:crypto';
import { tapeDoor, type Tapeable, type TapeEntry, type TapeWriter } from '../../framework/index.ts';
import { EnvironmentError, TestFailure, TestOutcome } from '../../framework/index.ts';
import type { ExchangeRecord } from '../../framework/index.ts';
import type { Exchange, PushOutcome, SuiteEnvironment } from './environment.ts';
import { liveCall } from './platform-call.ts';
import { recordedReply } from './recorded-reply.ts';

/**
 * The environment that tapes: each test body gets one whose every door (recorder, trigger,
 * network, Beskedfordeler, platform calls, the world) writes what it was asked and answered to
 * the test's tape, so `klarmeld verify` can run the same body again without the system
 * (replay-environment.ts reads the tape back). Exchanges go on the tape by digest: their
 * platform-signed records travel in the run, where the attestation covers them; so does the
 * reply to a call of the runner's own that the platform recorded (recorded-reply.ts).
 */
export function tapingEnvironment(env: SuiteEnvironment): SuiteEnvironment & Tapeable<SuiteEnvironment> {
  return { ...env, [tapeDoor]: { describe: () => describeEnvironment(env), forTest: (tape) => tapedFor(env, tape) } };
}

/** The environment as the tests see it, for the replay: never the system's key. */
export function describeEnvironment(env: SuiteEnvironment): Record<string, unknown> {
  return {
    target: env.target,
    system: {
      id: env.system.id,
      userSystemUuid: env.system.userSystemUuid,
      municipalityCvr: env.system.municipalityCvr,
      certPem: env.system.certPem,
    },
    platform: {
      baseUrl: env.platform.baseUrl,
      urls: env.platform.urls,
      ...(env.platform.agreements ? { agreements: env.platform.agreements } : {}),
    },
    ...(env.callbackUrl ? { callbackUrl: env.callbackUrl } : {}),
    caPem: env.caPem,
    doors: {
      recorder: Boolean(env.recorder),
      trigger: Boolean(env.trigger),
      network: Boolean(env.network),
      beskedfordeler: Boolean(env.beskedfordeler),
    },
  };
}

/** What a door threw, so a replay throws the same (the same class decides the result). */
export function thrownOf(error: unknown): NonNullable<TapeEntry['thrown']> {
  const e = error instanceof Error ? error : new Error(String(error));
  if (e instanceof EnvironmentError) return { type: 'environment', name: e.name, message: e.message, code: e.code };
  if (e instanceof TestOutcome) return { type: 'outcome', name: e.name, message: e.message, result: e.result };
  if (e instanceof TestFailure) return { type: 'failure', name: e.name, message: e.message };
  return { type: 'error', name: e.name, message: e.message };
}

function tapedFor(env: SuiteEnvironment, tape: TapeWriter): SuiteEnvironment {
  async function door<T>(
    kind: string,
    ask: unknown,
    live: () => Promise<T>,
    onTape: (answer: T) => unknown = (a) => a,
  ): Promise<T> {
    const done = tape.begin(kind, ask);
    try {
      const answer = await live();
      done({ answer: onTape(answer) });
      return answer;
    } catch (error) {
      done({ thrown: thrownOf(error) });
      throw error;
    }
  }
  function doorNow<T>(kind: string, ask: unknown, live: () => T): T {
    const done = tape.begin(kind, ask);
    try {
      const answer = live();
      done({ answer: answer ?? null });
      return answer;
    } catch (error) {
      done({ thrown: thrownOf(error) });
      throw error;
    }
  }
  const keep = (exchange: Exchange) => tape.keep(exchange.record as ExchangeRecord);
  const { recorder, trigger, network, beskedfordeler } = env;
  return {
    ...env,
    platform: {
      ...env.platform,
      call: async (url, init) => {
        const method = init.method ?? 'GET';
        const done = tape.begin('platform.call', { url, method });
        try {
          // Finding the platform's record of the call must never change the call: a recorder that fails only leaves the reply unbound.
          const marker = recorder ? await recorder.mark().catch(() => undefined) : undefined;
          const reply = await (env.platform.call ?? ((u, i) => liveCall(env.platform.dispatcher, u, i)))(url, init);
          const recorded = recorder && marker ? await recordedReply(recorder, marker, url, method, reply) : undefined;
          done({
            answer: recorded ? { status: reply.status, headers: reply.headers, exchange: keep(recorded) } : reply,
          });
          return reply;
        } catch (error) {
          done({ thrown: thrownOf(error) });
          throw error;
        }
      },
    },
    ...(recorder
      ? {
          recorder: {
            mark: () => door('recorder.mark', {}, () => recorder.mark()),
            since: (marker: string) =>
              door(
                'recorder.since',
                { marker },
                () => recorder.since(marker),
                (exchanges) => exchanges.map(keep),
              ),
          },
        }
      : {}),
    ...(trigger
      ? {
          trigger: (action: string, params: Record<string, unknown>) =>
            door('trigger', { action, params }, () => trigger(action, params)),
        }
      : {}),
    ...(network
      ? { network: { failNext: (count: number) => doorNow('network.fail', { count }, () => network.failNext(count)) } }
      : {}),
    ...(beskedfordeler
      ? {
          beskedfordeler: {
            push: (options: { messageUuid?: string; body?: string }) =>
              door(
                'push',
                options,
                () => beskedfordeler.push(options),
                (outcome: PushOutcome) => ({
                  ...outcome,
                  ...(outcome.exchange ? { exchange: keep(outcome.exchange) } : {}),
                }),
              ),
          },
        }
      : {}),
    world: {
      now: () => doorNow('clock', {}, () => (env.world ? env.world.now() : Date.now())),
      uuid: () => doorNow('uuid', {}, () => (env.world ? env.world.uuid() : randomUUID())),
      // A pause reads nothing from outside: not taped.
      sleep: (ms) => (env.world ? env.world.sleep(ms) : new Promise((resolve) => setTimeout(resolve, ms))),
      observe: (kind, ask, live) => door(`observe.${kind}`, ask, live),
    },
  };
}
