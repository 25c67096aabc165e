import { describe, expect, it } from 'vitest';
import { summarise } from '../../conformance/framework/index.ts';
import { suitesByIntegration } from '../../conformance/suites/index.ts';
import { expectedCatches, faultRuns, integrationOf } from './expected-catches.ts';
import { faultNames } from './src/faults.ts';
import { faultRunGroups, runReference } from './testing/reference-runs.ts';

// The runs with faults, and those with the other profiles, are in the reference-system-*.test.ts
// files beside this one (testing/reference-runs.ts says which), so that they run side by side.
describe('the reference system', () => {
  it('passes every test of all five suites, with every SHALL requirement passed', async () => {
    const tests = await runReference([]);
    const notPassed = tests.filter((t) => t.result !== 'pass').map((t) => `${t.id}: ${t.result} ${t.message ?? ''}`);
    expect(notPassed).toEqual([]);
    expect(new Set(tests.map((t) => t.integration))).toEqual(
      new Set(['SF1514', 'SF1520', 'SF1500', 'SF1470', 'SF1461']),
    );
    expect(summarise(tests)).toMatchObject({ verdict: 'passed', exitCode: 0 });
  }, 60_000);

  it('every suite is failed by at least one fault, and the fault runs break each integration with one fault at a time', () => {
    const caught = new Set(Object.values(expectedCatches).flat().map(integrationOf));
    // The hand-written suites, the generic suites the contract faults are proven on, and the web-login suites.
    expect([...caught].sort()).toEqual(
      [...Object.keys(suitesByIntegration), 'SF0101', 'SF1491', 'SF1511', 'SF1515'].sort(),
    );
    expect(Object.keys(expectedCatches).sort()).toEqual([...faultNames].sort());
    const runs = faultRuns();
    expect(runs.flat().sort()).toEqual([...faultNames].sort());
    for (const run of runs) {
      const touched = run.flatMap((fault) => [...new Set(expectedCatches[fault].map(integrationOf))]);
      expect(touched, run.join(',')).toEqual([...new Set(touched)]);
    }
  });

  it('runs every fault run in exactly one of its test files', () => {
    const groups = Object.values(faultRunGroups());
    for (const group of groups) expect(group.length).toBeGreaterThan(0);
    const names = (runs: string[][]) => runs.map((run) => run.join(',')).sort();
    expect(names(groups.flat())).toEqual(names(faultRuns()));
  });
});
