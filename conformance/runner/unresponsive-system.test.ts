import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { summarise } from '../framework/index.ts';
import { runConformance } from './run-conformance.ts';
import { isAlive, standInPids, writeStandInSystem, type StandInBehaviour } from './testing/stand-in-system.ts';

const temp = tempDirs();
let catalog: Catalog;
beforeAll(async () => {
  catalog = (await loadCatalog()).catalog;
});

/** Runs SF1520 against a stand-in system and returns its tests and summary, with the system already stopped. */
async function runAgainst(
  behaviour: StandInBehaviour,
  options: { triggerTimeout?: number; startTimeout?: number } = {},
) {
  const dir = await temp.make('unresponsive-system-');
  const profileFile = await writeStandInSystem(dir, behaviour, options);
  const run = await runConformance({ profileFile, catalog, integrations: ['SF1520'] });
  await run.close();
  const tests = run.output.tests.filter((t) => t.integration === 'SF1520');
  const pids = await standInPids(dir);
  return { tests, summary: summarise(run.output.tests), pids };
}

describe('a system that stops answering its trigger', () => {
  it('ends the run as an environment problem (exit 3) at the first unanswered trigger; the remaining tests are not run, nor waited for', async () => {
    const { tests, summary, pids } = await runAgainst('silent', { triggerTimeout: 1 });
    expect([summary.verdict, summary.exitCode]).toEqual(['environment', 3]);
    const errors = tests.filter((t) => t.result === 'error');
    expect(errors).toEqual([
      expect.objectContaining({
        blame: 'environment',
        code: 'system-unresponsive',
        message: expect.stringMatching(/gave no answer to "[a-z.-]+" \(no complete reply within 1 s\)/),
      }),
    ]);
    const after = tests.slice(tests.indexOf(errors[0]!) + 1);
    expect(after.length).toBeGreaterThan(3);
    for (const test of after) {
      expect(test.result, test.id).toBe('skip');
      expect(test.message).toMatch(/^Not run: the environment failed earlier \(The system's trigger/);
    }
    expect(tests.some((t) => t.result === 'fail')).toBe(false);
    expect(await isAlive(pids!.system)).toBe(false);
  }, 60_000);

  it('does so too when the system dies mid-run, after it answered', async () => {
    const { tests, summary } = await runAgainst('dies');
    expect(summary.verdict).toBe('environment');
    expect(tests.filter((t) => t.result === 'error')).toEqual([
      expect.objectContaining({ code: 'system-unresponsive' }),
    ]);
  }, 60_000);
});

describe('a system whose trigger replies without end', () => {
  it("fails each test that asks it (the supplier's failure, exit 1) with the cap in the message, and the run completes", async () => {
    const { tests, summary } = await runAgainst('endless');
    expect([summary.verdict, summary.exitCode]).toEqual(['failed', 1]);
    const failed = tests.filter((t) => t.result === 'fail');
    expect(failed.length).toBeGreaterThan(3);
    expect(
      failed.filter((t) => /a reply of more than 256 KiB: klarmeld stopped reading/.test(t.message ?? '')).length,
    ).toBeGreaterThan(3);
    expect(tests.some((t) => t.result === 'error')).toBe(false);
  }, 60_000);
});

describe('a system that never answers its ready URL', () => {
  it('still gives a run: every selected test an environment error (system-not-ready), exit 3', async () => {
    const { tests, summary, pids } = await runAgainst('health-silent', { startTimeout: 1 });
    expect([summary.verdict, summary.exitCode]).toEqual(['environment', 3]);
    expect(tests.length).toBeGreaterThan(5);
    for (const test of tests) {
      expect(test, test.id).toMatchObject({ result: 'error', blame: 'environment', code: 'system-not-ready' });
      expect(test.message).toContain('did not answer http://127.0.0.1:');
    }
    expect(await isAlive(pids!.child)).toBe(false);
  }, 60_000);
});
