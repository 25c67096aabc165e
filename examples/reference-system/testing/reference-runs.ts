/**
 * The reference system's conformance runs for its tests, shared by the files they are split into:
 * each run starts the platform and the system, so one file of 40 runs was the longest part of
 * `npm test` by far, on one core. Split by profile (the hand-written and web-login suites' faults in two),
 * the files run side by side; `faultRunGroups` says which file runs which fault run, and
 * reference-system.test.ts checks that together they run every one exactly once.
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadCatalog } from '../../../catalog/index.ts';
import type { Catalog } from '../../../catalog/index.ts';
import { summarise, type TestRecord } from '../../../conformance/framework/index.ts';
import { runConformance } from '../../../conformance/runner/index.ts';
import { expectedCatches, faultRuns, integrationOf, profileOf } from '../expected-catches.ts';
import type { FaultName } from '../src/faults.ts';

export type Profile = 'klarmeld.yaml' | 'klarmeld-contracts.yaml' | 'klarmeld-web.yaml';

const profileFile = (name: string) => fileURLToPath(new URL(`../${name}`, import.meta.url));
let catalog: Catalog | undefined;

/** Runs the reference system (optionally with faults) through its suites, only the given integrations, with klarmeld.yaml or another profile. */
export async function runReference(
  faults: readonly FaultName[],
  integrations?: string[],
  profile: Profile = 'klarmeld.yaml',
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

/** The fault runs of each test file: the hand-written and the web-login suites' each in two halves, the generic suites' apart. */
export function faultRunGroups(): Record<'suites-a' | 'suites-b' | 'contracts' | 'web-a' | 'web-b', FaultName[][]> {
  const of = (profile: Profile) => faultRuns().filter((run) => profileOf(run[0]!) === profile);
  const suites = of('klarmeld.yaml');
  const web = of('klarmeld-web.yaml');
  return {
    'suites-a': suites.filter((_, i) => i % 2 === 0),
    'suites-b': suites.filter((_, i) => i % 2 === 1),
    contracts: of('klarmeld-contracts.yaml'),
    'web-a': web.filter((_, i) => i % 2 === 0),
    'web-b': web.filter((_, i) => i % 2 === 1),
  };
}

/** The test's title for a fault run: the faults and exactly the tests that must catch them. */
export function faultRunTitle(faults: readonly FaultName[]): string {
  const catching = faults.flatMap((f) => expectedCatches[f]);
  return `REFERENCE_SYSTEM_FAULT=${faults.join(',')} is caught by exactly ${catching.join(', ')}, which name their requirements, and the run fails`;
}

/**
 * Runs the system with the faults (which break different integrations, so each failure still has
 * one cause: the one fault of that integration in the run) and checks that exactly the expected
 * tests fail, blame the supplier, name their requirements, and fail the run when one is a SHALL.
 */
export async function expectFaultRunCaught(faults: readonly FaultName[]): Promise<void> {
  const catching = faults.flatMap((f) => expectedCatches[f]);
  const integrations = [...new Set(catching.map(integrationOf))];
  const tests = await runReference(faults, integrations, profileOf(faults[0]!));
  // Skips are allowed (a test whose premise the fault removed says so and never passes); every failure is listed.
  const failed = tests.filter((t) => t.result === 'fail' || t.result === 'error').map((t) => `${t.id}: ${t.result}`);
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
  const requiredFailed = summary.requiredNotPassed.filter((id) => tests.find((t) => t.id === id)!.result === 'fail');
  expect(requiredFailed.sort()).toEqual(required.sort());
}
