/**
 * Runs suites: for each suite its setup, then every test with a timeout, capturing inputs,
 * exchanges, log lines and timings into test records. It knows nothing of the platform: the
 * caller passes the `environment` each suite's setup turns into its fixture.
 */
import { performance } from 'node:perf_hooks';
import { suiteTests, type SuiteDefinition, type TestDefinition } from './definition.ts';
import { classifyOutcome, TestTimeout, type Outcome } from './classify-outcome.ts';
import { suiteRequirements } from './requirements.ts';
import { strongestLevel } from './results.ts';
import type { ExchangeRecord, SuiteRecord, TestRecord } from './run-document.ts';
import { createTestContext } from './test-context.ts';
import { tapeableOf, TapeWriter, tapeFormat, type ReplaySection, type TestTape } from './tape.ts';

export type RunEvent =
  | { type: 'suite-start'; suite: string; integration: string; title: string; tests: { id: string; title: string }[] }
  | { type: 'test-start'; id: string }
  | { type: 'test-end'; record: TestRecord }
  | { type: 'log'; id: string; text: string }
  | { type: 'prompt'; id: string; text: string };

export interface RunOptions<E> {
  suites: SuiteDefinition<E, any>[];
  environment: E;
  /** Return `true` to run a test, or a reason to omit it (e.g. "not selected with --integration"). */
  select?: (testId: string) => true | string;
  /** Capabilities this run lacks, with the reason (e.g. `recorder`); tests that need one are skipped. */
  unavailable?: Record<string, string>;
  /** Per-test timeout unless the test sets its own; default 30 s. */
  timeoutMs?: number;
  /** After an environment error, skip the remaining tests (default true): they cannot be trusted. */
  stopOnEnvironmentError?: boolean;
  clock?: () => Date;
  onEvent?: (event: RunEvent) => void;
}

export interface RunOutput {
  suites: SuiteRecord[];
  tests: TestRecord[];
  /** Each test body's tape, when the environment can tape (see tape.ts); `exchanges` holds every record the tapes refer to. */
  replay?: ReplaySection;
}

export async function runSuites<E>(options: RunOptions<E>): Promise<RunOutput> {
  const clock = options.clock ?? (() => new Date());
  const emit = options.onEvent ?? (() => {});
  const suites: SuiteRecord[] = [];
  const tests: TestRecord[] = [];
  let stopped: Outcome | undefined;
  const tapeable = tapeableOf(options.environment);
  const tapes: TestTape[] = [];
  const taped = new Map<string, ExchangeRecord>();
  for (const suite of options.suites) {
    const requirements = await suiteRequirements(suite);
    const levels = new Map(requirements.requirements.map((r) => [r.id, r.level]));
    suites.push({
      id: suite.id,
      integration: suite.integration,
      title: suite.title,
      version: suite.version,
      requirements: requirements.requirements,
      untested: suite.untested ?? [],
    });
    const entries = suiteTests(suite);
    emit({
      type: 'suite-start',
      suite: suite.id,
      integration: suite.integration,
      title: suite.title,
      tests: entries.map((e) => ({ id: e.id, title: e.test.title })),
    });
    const record = (
      id: string,
      group: { id: string; title: string },
      test: TestDefinition<any>,
      startedAt: Date,
      durationMs: number,
      outcome: Outcome,
      captured?: Pick<TestRecord, 'inputs' | 'exchanges' | 'log'>,
    ) => {
      const done: TestRecord = {
        id,
        suite: suite.id,
        integration: suite.integration,
        group: group.id,
        groupTitle: group.title,
        title: test.title,
        verifies: test.verifies,
        level: strongestLevel(test.verifies.map((v) => levels.get(v) ?? 'MAY')),
        ...outcome,
        startedAt: startedAt.toISOString(),
        durationMs,
        inputs: captured?.inputs ?? {},
        exchanges: captured?.exchanges ?? [],
        log: captured?.log ?? [],
      };
      tests.push(done);
      emit({ type: 'test-end', record: done });
      return done;
    };
    let fixture: unknown;
    let setUp: Outcome | 'ready' | undefined;
    for (const { id, group, test } of entries) {
      const selected = options.select?.(id) ?? true;
      const missing = (test.requires ?? []).find((capability) => options.unavailable?.[capability] !== undefined);
      // A test left out with --integration stays "not selected" whatever happened before it: it
      // would not have run anyway, and a skip would make its suite read incomplete.
      const early: Outcome | undefined =
        selected !== true
          ? { result: 'omit', message: selected }
          : stopped
            ? { result: 'skip', message: `Not run: the environment failed earlier (${stopped.message})` }
            : missing
              ? { result: 'skip', message: options.unavailable![missing]! }
              : undefined;
      if (early) {
        record(id, group, test, clock(), 0, early);
        continue;
      }
      // Set the suite up only when a test of it actually runs.
      if (setUp === undefined) {
        try {
          fixture = suite.setup ? await suite.setup(options.environment) : options.environment;
          setUp = 'ready';
        } catch (error) {
          const outcome = classifyOutcome(error);
          setUp = { ...outcome, message: `The suite could not be set up: ${outcome.message}` };
        }
      }
      if (setUp !== 'ready') {
        record(id, group, test, clock(), 0, setUp);
        continue;
      }
      emit({ type: 'test-start', id });
      const startedAt = clock();
      const started = performance.now();
      const timeoutMs = test.timeoutMs ?? options.timeoutMs ?? 30_000;
      // A suite that turns the environment into another fixture is not taped: its body would see the tape's environment, not its own.
      const tape = tapeable && fixture === options.environment ? new TapeWriter() : undefined;
      const { outcome, captured, timedOut } = await runOne(
        id,
        test,
        tape ? tapeable!.forTest(tape) : fixture,
        timeoutMs,
        emit,
      );
      if (tape) {
        tape.closed = true;
        tapes.push({ test: id, timeoutMs, timedOut, entries: tape.entries });
        for (const [digest, record] of tape.records) taped.set(digest, record);
      }
      const done = record(id, group, test, startedAt, Math.round(performance.now() - started), outcome, captured);
      if (done.blame === 'environment' && options.stopOnEnvironmentError !== false) stopped = outcome;
    }
    if (setUp !== 'ready') {
      if (setUp?.blame === 'environment' && options.stopOnEnvironmentError !== false) stopped = setUp;
      continue;
    }
    try {
      await suite.teardown?.(fixture);
    } catch {
      // A failing teardown cannot change results already recorded; the next suite starts afresh.
    }
  }
  const replay: ReplaySection | undefined = tapeable
    ? {
        format: tapeFormat,
        environment: tapeable.describe(),
        unavailable: { ...options.unavailable },
        exchanges: [...taped.values()],
        tapes,
      }
    : undefined;
  return { suites, tests, ...(replay ? { replay } : {}) };
}

async function runOne(
  id: string,
  test: TestDefinition<any>,
  fixture: unknown,
  timeoutMs: number,
  emit: (event: RunEvent) => void,
) {
  const controller = new AbortController();
  const { context, recording } = createTestContext(id, controller.signal, {
    now: () => performance.now(),
    onLog: (text) => emit({ type: 'log', id, text }),
    onPrompt: (text) => emit({ type: 'prompt', id, text }),
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new TestTimeout(timeoutMs);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  let outcome: Outcome;
  let timedOut = false;
  try {
    await Promise.race([Promise.resolve().then(() => test.run(context, fixture)), timeout]);
    outcome = { result: 'pass' };
  } catch (error) {
    timedOut = error instanceof TestTimeout;
    outcome = classifyOutcome(error);
  } finally {
    clearTimeout(timer);
    recording.closed = true;
  }
  return {
    outcome,
    timedOut,
    captured: { inputs: recording.inputs, exchanges: recording.exchanges, log: recording.log },
  };
}
