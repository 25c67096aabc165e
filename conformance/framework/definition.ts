/**
 * How a suite is written: suite → group → test, each with a stable id segment; a test's full id
 * is `<suite>.<group>.<test>` (e.g. `sf1520.lookup.person-found`) and never changes once
 * published, because reports, the onboarding sheet and KOMBIT's reviewers refer to it.
 */
import type { RequirementsFile } from './requirements.ts';
import type { ExchangeRecord } from './run-document.ts';

/** What a test body gets to record what it did and to end with a result other than `pass`. */
export interface TestContext {
  /** The full dotted id of the running test. */
  readonly testId: string;
  /** Aborted when the test's time is up; pass it to undici requests and waits. */
  readonly signal: AbortSignal;
  /** Records an input the test chose (a CPR number, a case id), shown in the report. */
  input(name: string, value: unknown): void;
  /** Attaches platform-recorded exchanges (with their `digest` and `signature`) the result relies on. */
  exchange(...records: ExchangeRecord[]): void;
  /** A line for the report (what the test is doing or saw). */
  log(text: string): void;
  /** Asks a person to do something in their system (`--interactive`); the UI shows it. */
  prompt(text: string): void;
  /** Ends with `fail`: the system did not do what the requirement asks. */
  fail(message: string): never;
  /** Ends with `error`, blame `environment` (platform, certificate, agreement). */
  environment(code: string, message: string): never;
  skip(reason: string): never;
  omit(reason: string): never;
  /** Ends with `wait`: a human step is needed and has not been done. */
  wait(reason: string): never;
}

export interface TestDefinition<F = unknown> {
  /** Id segment: lower-case words joined by hyphens, e.g. `person-found`. */
  id: string;
  /**
   * What is checked, in words a tester understands, in English: the CLI and the run document show
   * it, and `klarmeld verify` compares it with the shipped suite, so it never changes once published.
   */
  title: string;
  /** The same in Danish, for the site's Danish pages. Every shipped suite gives it (a test checks). */
  titleDa?: string;
  /** Requirement ids from the suite's requirements.yaml, e.g. `SF1520-R03`. At least one. */
  verifies: string[];
  /**
   * Capabilities the test needs (e.g. `recorder`: the embedded platform's exchange recorder).
   * When the run lacks one, the test is skipped with the run's stated reason, never passed.
   */
  requires?: string[];
  /** Overrides the run's per-test timeout. */
  timeoutMs?: number;
  run(context: TestContext, fixture: F): Promise<void> | void;
}

export interface GroupDefinition<F = unknown> {
  id: string;
  title: string;
  /** The group's title in Danish, as a test's `titleDa`. */
  titleDa?: string;
  tests: TestDefinition<F>[];
}

/** A SHALL requirement that has no test, with the written reason why. */
export interface Untested {
  requirement: string;
  reason: string;
}

/**
 * A suite: the tests of one integration. `E` is what the caller of the runner hands every
 * suite (platform client, trigger, profile); `setup` turns it into the fixture `F` its tests use.
 */
export interface SuiteDefinition<E = unknown, F = E> {
  /** Id segment, e.g. `sf1520`. */
  id: string;
  /** Catalogue integration id, e.g. `SF1520`. */
  integration: string;
  title: string;
  /** The suite's title in Danish, as a test's `titleDa`. */
  titleDa?: string;
  /** The suite's own version; change it when tests change meaning. */
  version: string;
  /** Absolute path or file URL of the suite's requirements.yaml. */
  requirementsFile: string | URL;
  /** Requirements made from catalogue data (a generic suite); when given, `requirementsFile` names the code that makes them. */
  requirements?: RequirementsFile;
  untested?: Untested[];
  groups: GroupDefinition<F>[];
  /** Runs once before the suite's tests; an EnvironmentError here errors every test of the suite. */
  setup?(environment: E): Promise<F> | F;
  teardown?(fixture: F): Promise<void> | void;
}

const segment = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The full dotted id of a test. */
export function testId(suite: { id: string }, group: { id: string }, test: { id: string }): string {
  return `${suite.id}.${group.id}.${test.id}`;
}

/**
 * Checks the shape a reader relies on (id segments, unique ids, titles, at least one verified
 * requirement) and returns the suite unchanged. Throws at once on a mistake: these are
 * programming errors in the suite, found by its own test, never by a supplier.
 */
export function defineSuite<E, F = E>(suite: SuiteDefinition<E, F>): SuiteDefinition<E, F> {
  const mistakes: string[] = [];
  const check = (ok: boolean, what: string) => ok || mistakes.push(what);
  // A Danish title may be left out (a toy suite in a test), but a blank one is a slip.
  const danish = (what: string, titleDa: string | undefined) =>
    check(titleDa === undefined || titleDa.trim().length > 0, `${what} has a blank Danish title (titleDa)`);
  check(segment.test(suite.id), `suite id "${suite.id}" must be lower-case words joined by hyphens`);
  danish(`suite ${suite.id}`, suite.titleDa);
  const seen = new Set<string>();
  for (const group of suite.groups) {
    check(segment.test(group.id), `group id "${group.id}" must be lower-case words joined by hyphens`);
    danish(`group "${group.id}"`, group.titleDa);
    for (const test of group.tests) {
      const id = testId(suite, group, test);
      check(segment.test(test.id), `test id "${id}" must be lower-case words joined by hyphens`);
      check(!seen.has(id), `test id "${id}" is used twice`);
      check(test.title.trim().length > 0, `test "${id}" needs a title`);
      danish(`test "${id}"`, test.titleDa);
      check(test.verifies.length > 0, `test "${id}" must name the requirement ids it verifies`);
      seen.add(id);
    }
  }
  if (mistakes.length > 0) throw new TypeError(`Suite ${suite.id} is not well formed:\n- ${mistakes.join('\n- ')}`);
  return suite;
}

/** Every test of a suite with its full id and group, in definition order. */
export function suiteTests<F>(suite: { id: string; groups: GroupDefinition<F>[] }) {
  return suite.groups.flatMap((group) => group.tests.map((test) => ({ id: testId(suite, group, test), group, test })));
}
