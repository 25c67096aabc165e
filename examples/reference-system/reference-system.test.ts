import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import type { Catalog } from '../../catalog/index.ts';
import { summarise, type TestRecord } from '../../conformance/framework/index.ts';
import { runConformance } from '../../conformance/runner/index.ts';
import { suitesByIntegration } from '../../conformance/suites/index.ts';
import { expectedCatches, faultRuns, integrationOf, profileOf } from './expected-catches.ts';
import { faultNames, type FaultName } from './src/faults.ts';

const profileFile = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));
let catalog: Catalog | undefined;

/** Runs the reference system (optionally with faults) through its suites, only the given integrations, with klarmeld.yaml or another profile. */
async function runReference(
  faults: readonly FaultName[],
  integrations?: string[],
  profile = 'klarmeld.yaml',
): Promise<TestRecord[]> {
  catalog ??= (await loadCatalog()).catalog;
  const run = await runConformance({
    profileFile: profileFile(profile),
    catalog,
    ...(integrations ? { integrations } : {}),
    systemEnv: faults.length > 0 ? { REFERENCE_SYSTEM_FAULT: faults.join(',') } : {},
  });
  await run.close();
  return run.output.tests;
}

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

  it("passes every generic suite of the integrations klarmeld-contracts.yaml claims (made from the catalogue's imported contracts)", async () => {
    const tests = await runReference([], undefined, 'klarmeld-contracts.yaml');
    const notPassed = tests.filter((t) => t.result !== 'pass').map((t) => `${t.id}: ${t.result} ${t.message ?? ''}`);
    expect(notPassed).toEqual([]);
    expect(new Set(tests.map((t) => t.integration))).toEqual(
      new Set(['SF1514', 'SF1500', 'SF0101', 'SF1491', 'SF1490', 'SF1510']),
    );
    expect(tests.filter((t) => /^sf(0101|1490|1491|1510)\./.test(t.id)).length).toBeGreaterThanOrEqual(80);
    // The REST operations imported from OpenAPI (AccessTokenDemo, KlassifikationListeHentREST): six checks each, passed.
    const rest = tests.filter((t) => /^sf(0101|1510)\.(accesstokendemo|klassifikationlistehentrest)-/.test(t.id));
    expect(rest.map((t) => `${t.id} ${t.result}`)).toEqual(rest.map((t) => `${t.id} pass`));
    expect(rest).toHaveLength(12);
  }, 60_000);

  it('passes the web-login suites of the integrations klarmeld-web.yaml claims (made from the Context Handler metadata)', async () => {
    const tests = await runReference([], undefined, 'klarmeld-web.yaml');
    const notPassed = tests.filter((t) => t.result !== 'pass').map((t) => `${t.id}: ${t.result} ${t.message ?? ''}`);
    expect(notPassed).toEqual([]);
    expect(new Set(tests.map((t) => t.integration))).toEqual(new Set(['SF1511', 'SF1515']));
    expect(tests).toHaveLength(12);
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

  // Faults that break different integrations share a run (the system and the platform start once),
  // so each failure still has one cause: the one fault of that integration in the run.
  for (const faults of faultRuns()) {
    const catching = faults.flatMap((f) => expectedCatches[f]);
    it(`REFERENCE_SYSTEM_FAULT=${faults.join(',')} is caught by exactly ${catching.join(', ')}, which name their requirements, and the run fails`, async () => {
      const integrations = [...new Set(catching.map(integrationOf))];
      const tests = await runReference(faults, integrations, profileOf(faults[0]!));
      // Skips are allowed (a test whose premise the fault removed says so and never passes); every failure is listed.
      const failed = tests
        .filter((t) => t.result === 'fail' || t.result === 'error')
        .map((t) => `${t.id}: ${t.result}`);
      expect(failed.sort()).toEqual(catching.map((id) => `${id}: fail`).sort());
      for (const id of catching) {
        const test = tests.find((t) => t.id === id)!;
        expect({ id, blame: test.blame, verifies: test.verifies.length > 0 }).toEqual({
          id,
          blame: 'supplier',
          verifies: true,
        });
      }
      const summary = summarise(tests);
      const required = catching.filter((id) => tests.find((t) => t.id === id)!.level === 'SHALL');
      // A fault that breaks only a SHOULD or MAY requirement is reported, and does not fail the run.
      expect(summary.exitCode).toBe(required.length > 0 ? 1 : 0);
      const requiredFailed = summary.requiredNotPassed.filter(
        (id) => tests.find((t) => t.id === id)!.result === 'fail',
      );
      expect(requiredFailed.sort()).toEqual(required.sort());
    }, 90_000);
  }
});
