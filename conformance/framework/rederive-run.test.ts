import { describe, expect, it } from 'vitest';
import { buildRunDocument } from './build-run-document.ts';
import { defineSuite } from './definition.ts';
import { rederiveRun } from './rederive-run.ts';
import type { ReplayCursorLike, ReplayEnvironmentFactory } from './replay-test.ts';
import type { RunDocument } from './run-document.ts';
import { runSuites } from './runner.ts';
import { summarise } from './summarise.ts';
import { tapeDoor, type Tapeable, type TestTape } from './tape.ts';

/** A toy system behind one door: `ask(question)` answers from `answers`, taped as the real environment tapes its doors. */
interface Toy {
  ask(question: string): Promise<string>;
}

function tapingToy(answers: Record<string, string>): Toy & Tapeable<Toy> {
  const live = async (question: string) => answers[question] ?? 'nothing';
  return {
    ask: live,
    [tapeDoor]: {
      describe: () => ({ system: { id: 'sys-toy' } }),
      forTest: (tape) => ({
        async ask(question) {
          const done = tape.begin('ask', { question });
          const answer = await live(question);
          done({ answer });
          return answer;
        },
      }),
    },
  };
}

/** Answers from the tape, in order, only the question the run asked; anything else stops the replay. */
const replayToy: ReplayEnvironmentFactory<Toy> = (_description, tape: TestTape) => {
  let stop!: () => void;
  const cursor: ReplayCursorLike = { used: 0, stopped: new Promise<void>((resolve) => (stop = resolve)) };
  const ask = async (question: string) => {
    const entry = tape.entries[cursor.used];
    if (!entry || entry.kind !== 'ask' || (entry.ask as { question: string }).question !== question) {
      cursor.end = 'left-tape';
      cursor.problem = `asked "${question}", which the tape does not hold`;
      stop();
      return new Promise<string>(() => {});
    }
    cursor.used += 1;
    return entry.answer as string;
  };
  return { env: { ask }, cursor };
};

const suite = defineSuite<Toy>({
  id: 'sf9999',
  integration: 'SF9999',
  title: 'Toy lookup',
  version: '1.0.0',
  requirementsFile: new URL('./testing/requirements.yaml', import.meta.url),
  groups: [
    {
      id: 'lookup',
      title: 'Looking a person up',
      tests: [
        {
          id: 'person-found',
          title: 'Finds a person',
          verifies: ['SF9999-R01'],
          run: async (ctx, toy) => {
            if ((await toy.ask('person')) !== 'found') ctx.fail('The system found nobody');
          },
        },
        {
          id: 'not-found',
          title: 'Says "not found"',
          verifies: ['SF9999-R02'],
          run: async (ctx, toy) => {
            if ((await toy.ask('nobody')) !== 'not found') ctx.fail('The system invented a person');
          },
        },
      ],
    },
    {
      id: 'records',
      title: 'Keeping records',
      tests: [
        // A body may omit its own test; that omission is on its tape like any verdict.
        {
          id: 'audit',
          title: 'Keeps an audit log',
          verifies: ['SF9999-R04'],
          run: async (ctx, toy) => {
            if ((await toy.ask('audited')) === 'no') ctx.omit('The system keeps no personal data');
          },
        },
      ],
    },
  ],
});

async function run(answers: Record<string, string>): Promise<RunDocument> {
  const at = new Date('2026-12-02T10:00:00Z');
  const output = await runSuites({ suites: [suite], environment: tapingToy(answers), clock: () => at });
  return buildRunDocument(
    {
      startedAt: at,
      finishedAt: at,
      toolVersion: 'test',
      profile: { system: 'sys-toy' },
      platform: { url: 'https://127.0.0.1', target: 'embedded' },
      catalogue: { version: 'test' },
    },
    output,
  );
}

const codes = (problems: { code: string; test?: string }[]) => problems.map((p) => `${p.code} ${p.test ?? ''}`.trim());

describe('rederiveRun', () => {
  it("re-derives a run whose environment taped every door: each test body replayed on its tape comes to the run's verdict", async () => {
    const document = await run({ person: 'found', nobody: 'a made-up person', audited: 'no' });
    expect(document.replay!.tapes.map((t) => [t.test, t.entries.map((e) => e.answer)])).toEqual([
      ['sf9999.lookup.person-found', ['found']],
      ['sf9999.lookup.not-found', ['a made-up person']],
      ['sf9999.records.audit', ['no']],
    ]);
    expect(document.tests.map((t) => t.result)).toEqual(['pass', 'fail', 'omit']);
    const report = await rederiveRun(document, [suite], replayToy);
    expect(report).toMatchObject({
      replayed: 3,
      agreed: 3,
      problems: [],
      unsigned: { ask: 3 },
      suites: [{ suite: 'sf9999', version: '1.0.0', rederived: true }],
    });
  });

  it('names the test whose verdict was flipped, the shipped test left out, and the body that asked its tape for something else', async () => {
    const document = await run({ person: 'found', nobody: 'a made-up person', audited: 'no' });
    const flipped = document.tests.map((t) =>
      t.id === 'sf9999.lookup.not-found' ? { ...t, result: 'pass' as const, blame: undefined, message: undefined } : t,
    );
    expect(
      codes(
        (await rederiveRun({ ...document, tests: flipped, summary: summarise(flipped) }, [suite], replayToy)).problems,
      ),
    ).toEqual(['verdict-differs sf9999.lookup.not-found']);
    const doubled = [...document.tests, { ...document.tests[1]!, result: 'pass' as const }];
    expect(codes((await rederiveRun({ ...document, tests: doubled }, [suite], replayToy)).problems)).toEqual([
      'test-edited',
    ]);
    const dropped = document.tests.filter((t) => t.id !== 'sf9999.lookup.not-found');
    expect(codes((await rederiveRun({ ...document, tests: dropped }, [suite], replayToy)).problems)).toEqual([
      'test-missing sf9999.lookup.not-found',
    ]);
    const replay = structuredClone(document.replay!);
    replay.tapes[0]!.entries[0]!.ask = { question: 'someone else' };
    const left = await rederiveRun({ ...document, replay }, [suite], replayToy);
    expect(left.problems).toEqual([
      expect.objectContaining({
        code: 'left-tape',
        test: 'sf9999.lookup.person-found',
        message: expect.stringContaining('asked "person", which the tape does not hold'),
      }),
    ]);
  });

  it('accepts the runner leaving out a whole group only of a suite whose groups are operations a profile may leave out', async () => {
    const document = await run({ person: 'found', nobody: 'not found', audited: 'yes' });
    const replay = {
      ...document.replay!,
      tapes: document.replay!.tapes.filter((t) => t.test !== 'sf9999.lookup.not-found'),
    };
    const tests = document.tests.map((t) =>
      t.id === 'sf9999.lookup.not-found'
        ? { ...t, result: 'omit' as const, message: 'The profile does not declare this operation' }
        : t,
    );
    const alone = { ...document, tests, summary: summarise(tests), replay };
    expect(codes((await rederiveRun(alone, [suite], replayToy, { omitsGroups: () => true })).problems)).toEqual([
      'omitted-alone',
    ]);
    const lookup = (id: string) => id.startsWith('sf9999.lookup.');
    const group = document.tests.map((t) =>
      lookup(t.id)
        ? { ...t, result: 'omit' as const, blame: undefined, message: 'The profile does not declare this operation' }
        : t,
    );
    const whole = {
      ...document,
      tests: group,
      summary: summarise(group),
      replay: { ...replay, tapes: replay.tapes.filter((t) => !lookup(t.test)) },
    };
    expect(codes((await rederiveRun(whole, [suite], replayToy, { omitsGroups: () => true })).problems)).toEqual([]);
    // A suite whose groups are not operations is omitted whole or not at all.
    expect(codes((await rederiveRun(whole, [suite], replayToy)).problems)).toEqual(['omitted-alone']);
  });

  it('does not re-derive a suite version it does not ship, nor a run without tapes, and says so', async () => {
    const document = await run({ person: 'found', nobody: 'not found', audited: 'yes' });
    const older = await rederiveRun(document, [{ ...suite, version: '2.0.0' }], replayToy);
    expect(older.problems).toEqual([
      expect.objectContaining({
        code: 'cannot-rederive',
        message: expect.stringContaining('this klarmeld ships sf9999 2.0.0'),
      }),
    ]);
    const { replay: _replay, ...untaped } = document;
    expect(codes((await rederiveRun(untaped, [suite], replayToy)).problems)).toEqual(['cannot-rederive']);
  });
});
