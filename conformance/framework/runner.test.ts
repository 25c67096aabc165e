import assert from 'node:assert/strict';
import { describe, expect, it } from 'vitest';
import { defineSuite, type TestDefinition } from './definition.ts';
import { EnvironmentError } from './errors.ts';
import { runSuites, type RunEvent } from './runner.ts';

const requirementsFile = new URL('./testing/requirements.yaml', import.meta.url);

function suiteOf(tests: TestDefinition<{ calls: string[] }>[], extra: { setup?: () => never } = {}) {
  return defineSuite<{ calls: string[] }>({
    id: 'sf9999',
    integration: 'SF9999',
    title: 'Toy',
    version: '1',
    requirementsFile,
    groups: [{ id: 'g', title: 'Group', tests }],
    ...extra,
  });
}
const t = (id: string, run: TestDefinition<{ calls: string[] }>['run'], more: Partial<TestDefinition> = {}) => ({
  id,
  title: `Test ${id}`,
  verifies: ['SF9999-R01'],
  run,
  ...more,
});

describe('runSuites', () => {
  it('turns what each body does into the closed set of results, telling supplier from environment', async () => {
    const { tests } = await runSuites({
      suites: [
        suiteOf([
          t('passes', () => {}),
          t('fails', (ctx) => ctx.fail('The system sent upper-case UUIDs')),
          t('asserts', () => assert.equal(1, 2)),
          t('breaks', () => {
            throw new TypeError('x is undefined');
          }),
          t('waits', (ctx) => ctx.wait('Look a person up in the system')),
          t('skips', (ctx) => ctx.skip('Needs the recorder')),
          t('not-applicable', (ctx) => ctx.omit('The system does not push')),
        ]),
      ],
      environment: { calls: [] },
      stopOnEnvironmentError: true,
    });
    expect(tests.map((r) => [r.id.split('.')[2], r.result, r.blame ?? '-'])).toEqual([
      ['passes', 'pass', '-'],
      ['fails', 'fail', 'supplier'],
      ['asserts', 'fail', 'supplier'],
      ['breaks', 'error', 'test'],
      ['waits', 'wait', '-'],
      ['skips', 'skip', '-'],
      ['not-applicable', 'omit', '-'],
    ]);
    expect(tests[1]!.message).toBe('The system sent upper-case UUIDs');
    expect(tests[3]!.message).toMatch(/bug in klarmeld's suite/);
  });

  it('records inputs, exchanges (once each), log lines, ids, levels and timings', async () => {
    const exchange = { digest: 'a'.repeat(64), signature: 'sig', operation: 'PersonLookup' };
    const { tests, suites } = await runSuites({
      suites: [
        suiteOf([
          t(
            'records',
            (ctx) => {
              ctx.input('cpr', '0101011234');
              ctx.exchange(exchange, exchange);
              ctx.log('looked up');
            },
            { verifies: ['SF9999-R03'] },
          ),
        ]),
      ],
      environment: { calls: [] },
    });
    expect(tests[0]).toMatchObject({
      id: 'sf9999.g.records',
      suite: 'sf9999',
      integration: 'SF9999',
      group: 'g',
      groupTitle: 'Group',
      level: 'SHOULD',
      inputs: { cpr: '0101011234' },
      exchanges: [exchange],
      log: [{ text: 'looked up' }],
    });
    expect(tests[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(suites[0]!.requirements.map((r) => r.id)).toContain('SF9999-R04');
  });

  it('fails a test that does not finish in time and aborts its signal', async () => {
    let aborted = false;
    const { tests } = await runSuites({
      suites: [
        suiteOf([
          t(
            'hangs',
            (ctx) =>
              new Promise<void>((resolve) =>
                ctx.signal.addEventListener('abort', () => {
                  aborted = true;
                  resolve();
                }),
              ),
            { timeoutMs: 50 },
          ),
        ]),
      ],
      environment: { calls: [] },
    });
    expect(tests[0]).toMatchObject({ result: 'fail', blame: 'supplier' });
    expect(tests[0]!.message).toMatch(/within 0.05 s/);
    expect(aborted).toBe(true);
  });

  it('after an environment error, skips the rest instead of piling up failures', async () => {
    const { tests } = await runSuites({
      suites: [
        suiteOf([
          t('first', () => {
            throw new EnvironmentError('platform-unreachable', 'The platform at https://127.0.0.1:1 did not answer');
          }),
          t('second', () => {}),
        ]),
      ],
      environment: { calls: [] },
    });
    expect(tests.map((r) => [r.result, r.blame, r.code])).toEqual([
      ['error', 'environment', 'platform-unreachable'],
      ['skip', undefined, undefined],
    ]);
    expect(tests[1]!.message).toMatch(/environment failed earlier.*did not answer/);
  });

  it('keeps a test left out with --integration "not selected" after an environment error, never "skipped"', async () => {
    const { tests } = await runSuites({
      suites: [
        suiteOf([
          t('first', () => {
            throw new EnvironmentError('platform-unreachable', 'down');
          }),
          t('second', () => {}),
          t('third', () => {}),
        ]),
      ],
      environment: { calls: [] },
      select: (id) => (id.endsWith('third') ? 'Not selected with --integration' : true),
    });
    expect(tests.map((r) => r.result)).toEqual(['error', 'skip', 'omit']);
  });

  it('errors every test of a suite whose setup meets an environment problem, without running them', async () => {
    let ran = false;
    const { tests } = await runSuites({
      suites: [
        suiteOf(
          [
            t('a', () => {
              ran = true;
            }),
            t('b', () => {
              ran = true;
            }),
          ],
          {
            setup: () => {
              throw new EnvironmentError('agreement-missing', 'No approved agreement for PersonBaseDataExtended');
            },
          },
        ),
      ],
      environment: { calls: [] },
    });
    expect(ran).toBe(false);
    expect(tests.map((r) => [r.result, r.blame])).toEqual([
      ['error', 'environment'],
      ['error', 'environment'],
    ]);
    expect(tests[0]!.message).toMatch(/could not be set up: No approved agreement/);
  });

  it('does not set up a suite none of whose tests run', async () => {
    let setups = 0;
    const suite = {
      ...suiteOf([t('a', () => {})]),
      setup: () => {
        setups += 1;
        return { calls: [] };
      },
    };
    await runSuites({ suites: [suite], environment: { calls: [] }, select: () => 'not selected' });
    expect(setups).toBe(0);
  });

  it('omits unselected tests and skips tests needing a capability the run lacks, with the reason', async () => {
    const events: RunEvent['type'][] = [];
    const { tests } = await runSuites({
      suites: [
        suiteOf([
          t('kept', () => {}),
          t('dropped', () => {}),
          t('needs-recorder', () => {}, { requires: ['recorder'] }),
        ]),
      ],
      environment: { calls: [] },
      select: (id) => (id.endsWith('dropped') ? 'not selected with --integration' : true),
      unavailable: { recorder: "KOMBIT's external test environment has no exchange recorder" },
      onEvent: (event) => events.push(event.type),
    });
    expect(tests.map((r) => [r.result, r.message])).toEqual([
      ['pass', undefined],
      ['omit', 'not selected with --integration'],
      ['skip', "KOMBIT's external test environment has no exchange recorder"],
    ]);
    expect(events).toEqual(['suite-start', 'test-start', 'test-end', 'test-end', 'test-end']);
  });
});
