import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import type { Catalog } from '../../catalog/catalog.ts';
import { summarise, type TestRecord } from '../../conformance/framework/index.ts';
import { runConformance } from '../../conformance/runner/run-conformance.ts';
import { suitesByIntegration } from '../../conformance/suites/index.ts';
import { expectedCatches } from './expected-catches.ts';
import { faultNames, type FaultName } from './src/faults.ts';

const profileFile = fileURLToPath(new URL('./klarmeld.yaml', import.meta.url));
let catalog: Catalog | undefined;

/** Runs the reference system (optionally with a fault) through its suites, only the given integrations. */
async function runReference(fault: FaultName | undefined, integrations?: string[]): Promise<TestRecord[]> {
  catalog ??= (await loadCatalog()).catalog;
  const run = await runConformance({ profileFile, catalog, ...(integrations ? { integrations } : {}), systemEnv: fault ? { REFERENCE_SYSTEM_FAULT: fault } : {} });
  await run.close();
  return run.output.tests;
}

const integrationOf = (testId: string) => Object.entries(suitesByIntegration).find(([, s]) => testId.startsWith(`${s.id}.`))![0];

describe('the reference system', () => {
  it('passes every test of all five suites, with every SHALL requirement passed', async () => {
    const tests = await runReference(undefined);
    const notPassed = tests.filter((t) => t.result !== 'pass').map((t) => `${t.id}: ${t.result} ${t.message ?? ''}`);
    expect(notPassed).toEqual([]);
    expect(new Set(tests.map((t) => t.integration))).toEqual(new Set(['SF1514', 'SF1520', 'SF1500', 'SF1470', 'SF1461']));
    expect(summarise(tests).exitCode).toBe(0);
  }, 60_000);

  it('every suite is failed by at least one fault', () => {
    const caught = new Set(Object.values(expectedCatches).flat().map(integrationOf));
    expect([...caught].sort()).toEqual(Object.keys(suitesByIntegration).sort());
    expect(Object.keys(expectedCatches).sort()).toEqual([...faultNames].sort());
  });

  for (const fault of faultNames) {
    const catching = expectedCatches[fault];
    it(`REFERENCE_SYSTEM_FAULT=${fault} is caught by ${catching.join(', ')}, which name their requirements, and the run fails`, async () => {
      const integrations = [...new Set(catching.map(integrationOf))];
      const tests = await runReference(fault, integrations);
      for (const id of catching) {
        const test = tests.find((t) => t.id === id);
        expect(test, id).toBeDefined();
        expect({ id, result: test!.result, blame: test!.blame }).toEqual({ id, result: 'fail', blame: 'supplier' });
        expect(test!.verifies.length).toBeGreaterThan(0);
      }
      const summary = summarise(tests);
      expect(summary.exitCode).toBe(1);
      expect(summary.requiredNotPassed.length).toBeGreaterThan(0);
    }, 60_000);
  }
});
