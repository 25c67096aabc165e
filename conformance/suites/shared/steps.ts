import { EnvironmentError, TestFailure, TestOutcome } from '../../framework/index.ts';
import type { Exchange, SuiteEnvironment, TriggerOutcome } from './environment.ts';
import { sleep } from './world.ts';

/**
 * The steps suites are made of. Each ends a test the way a tester would: `fail` when the system
 * did something wrong, `error` (environment) when the platform, certificate or agreement is
 * the problem, `skip` when a door the test needs is missing.
 */

export function fail(message: string): never {
  throw new TestFailure(message);
}

export function skip(reason: string): never {
  throw new TestOutcome('skip', reason);
}

/** The platform's recorder, or skip: KOMBIT's external test environment does not show its records. */
export function recorderOf(env: SuiteEnvironment) {
  if (!env.recorder)
    skip(
      "Needs the embedded platform's recorder to see what the system sent; KOMBIT's external test environment does not show it",
    );
  return env.recorder;
}

export function triggerOf(env: SuiteEnvironment) {
  if (!env.trigger) skip('Needs a trigger hook (trigger.url or trigger.command in klarmeld.yaml) or --interactive');
  return env.trigger;
}

/** The runner's link between the system and the platform, or skip: only it can drop a connection. */
export function networkOf(env: SuiteEnvironment) {
  if (!env.network) skip('Needs the runner between the system and the embedded platform to drop a connection');
  return env.network;
}

/** Asks the system to act and returns its answer and the exchanges it caused on the platform. */
export async function act(
  env: SuiteEnvironment,
  action: string,
  params: Record<string, unknown>,
  expect: { exchanges?: (e: Exchange) => boolean } = {},
): Promise<{ outcome: TriggerOutcome; exchanges: Exchange[] }> {
  const recorder = recorderOf(env);
  const trigger = triggerOf(env);
  const marker = await recorder.mark();
  const outcome = await trigger(action, params);
  if (!outcome.ok && outcome.error.code === 'unsupported-action') {
    skip(`The system does not support the action "${action}" through its trigger hook`);
  }
  if (!outcome.ok && outcome.error.code === 'waiting-for-person') throw new TestOutcome('wait', outcome.error.message);
  // The recorder stores an exchange just after answering it; give it up to a second (a loaded
  // machine) when the exchange the test waits for is not there yet.
  let exchanges = await recorder.since(marker);
  for (let tries = 0; expect.exchanges && !exchanges.some(expect.exchanges) && tries < 40; tries += 1) {
    await sleep(env, 25);
    exchanges = await recorder.since(marker);
  }
  return { outcome, exchanges };
}

/** The system reported success, or the test fails with what it said. */
export function expectOk(outcome: TriggerOutcome, what: string): unknown {
  if (!outcome.ok) fail(`${what}: the system reported ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result;
}

/**
 * The system should have reported an error to its user (not found, refused). Fails when it
 * reported success; skipped when a person acted (--interactive) and the runner cannot see it.
 */
export function expectReportedError(outcome: TriggerOutcome, failure: string): void {
  if (outcome.ok && outcome.observedOnly)
    skip('With --interactive the runner cannot see what the system showed; check by eye that it reported the error');
  if (outcome.ok) fail(failure);
}

/** Exactly the exchanges of one service (and operation), or the test fails saying what was seen. */
export function exchangesOf(exchanges: Exchange[], service: string, operation?: string): Exchange[] {
  return exchanges.filter((e) => e.service === service && (!operation || e.operation === operation));
}

export function oneExchange(exchanges: Exchange[], service: string, operation?: string): Exchange {
  const found = exchangesOf(exchanges, service, operation);
  if (found.length === 0) {
    const seen = exchanges.map((e) => `${e.service ?? e.path}/${e.operation ?? '?'}`).join(', ') || 'nothing';
    fail(
      `The platform recorded no ${service}${operation ? ` ${operation}` : ''} call from the system (it saw: ${seen})`,
    );
  }
  return found.at(-1)!;
}

/**
 * Errors the platform found in the system's request, as one sentence. Findings about the
 * platform's own response (codes `response.…`) are the platform's business, not the system's.
 */
export function findingsText(exchange: Exchange): string {
  return exchange.findings
    .filter((f) => f.severity === 'error' && !f.code.startsWith('response'))
    .map((f) => `${f.code}: ${f.message}`)
    .join('; ');
}

/** The agreement of the system for an integration, or an environment error saying what to do. */
export function approvedAgreement(env: SuiteEnvironment, integration: string) {
  if (!env.platform.agreements) {
    skip(
      'The runner did not create the agreements on this platform and cannot list them; the platform call tests show whether they work',
    );
  }
  const agreements = env.platform.agreements.filter(
    (a) => a.integration === integration && a.municipalityCvr === env.system.municipalityCvr,
  );
  if (agreements.length === 0) {
    throw new EnvironmentError(
      'agreement-missing',
      `It-system ${env.system.userSystemUuid} has no service agreement for ${integration} with municipality ${env.system.municipalityCvr}. Create one (klarmeld platform agreement add --system … --service ${integration} --municipality ${env.system.municipalityCvr})`,
    );
  }
  const approved = agreements.find((a) => a.status === 'approved');
  if (!approved) {
    throw new EnvironmentError(
      'agreement-pending',
      `The service agreement ${agreements[0]!.uuid} for ${integration} awaits the municipality's approval`,
    );
  }
  return approved;
}

/**
 * Runs `body` with the system's clock moved forward by `seconds`, and moves it back afterwards
 * so later tests see the system as it was.
 */
export async function withClockMoved<T>(env: SuiteEnvironment, seconds: number, body: () => Promise<T>): Promise<T> {
  await act(env, 'system.advance-clock', { seconds });
  try {
    return await body();
  } finally {
    await act(env, 'system.advance-clock', { seconds: -seconds });
  }
}
