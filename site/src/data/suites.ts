import { join } from 'node:path';
import { loadRequirements, suiteTests, type TestDefinition } from '../../../conformance/framework/index.ts';
import type { Catalog } from '../../../catalog/index.ts';
import { genericSuitesFor, suitesByIntegration } from '../../../conformance/suites/index.ts';

export interface SuiteRequirement {
  id: string;
  level: string;
  /** English; the Danish site shows textDa. */
  text: string;
  textDa?: string;
  /** English; the Danish site shows sourceDa (the same documents cited with Danish words). */
  source?: string;
  sourceDa?: string;
  /** Why a requirement has no test, when the suite says so. */
  untested?: string;
}

export interface SuiteTest {
  id: string;
  /** English; the Danish site shows titleDa. */
  title: string;
  titleDa?: string;
  requirements: string[];
}

/** What the site shows of an integration's conformance suite. */
export interface SuiteInfo {
  integration: string;
  /** English; the Danish site shows titleDa. */
  title: string;
  titleDa?: string;
  version: string;
  /** Hand-written, or the generic suite made from the integration's imported contract (issue 12). */
  kind: 'hand-written' | 'generic';
  requirements: SuiteRequirement[];
  tests: SuiteTest[];
}

const testOf = ({ id, test }: { id: string; test: TestDefinition<unknown> }): SuiteTest => ({
  id,
  title: test.title,
  ...(test.titleDa && { titleDa: test.titleDa }),
  requirements: test.verifies,
});

/**
 * The conformance suites in `suitesDir`, by integration id, read through the framework: the requirements
 * from each suite's requirements.yaml and the tests (full dotted ids) that verify them.
 */
export async function readSuites(suitesDir: string, catalog: Catalog): Promise<Map<string, SuiteInfo>> {
  const suites = new Map<string, SuiteInfo>();
  for (const [integration, suite] of Object.entries(suitesByIntegration)) {
    // Not suite.requirementsFile: it is relative to the suite module's URL, which points into
    // Astro's bundle at build time. Each suite keeps requirements.yaml in its folder (DESIGN.md §2).
    const { requirements } = await loadRequirements(join(suitesDir, integration, 'requirements.yaml'));
    const untested = new Map((suite.untested ?? []).map((u) => [u.requirement, u.reason]));
    suites.set(integration, {
      integration,
      title: suite.title,
      ...(suite.titleDa && { titleDa: suite.titleDa }),
      version: suite.version,
      kind: 'hand-written',
      requirements: requirements.map((r) => ({ ...r, ...(untested.has(r.id) && { untested: untested.get(r.id)! }) })),
      tests: suiteTests(suite).map(testOf),
    });
  }
  // The generic suites carry their requirements in memory, made from the catalogue (no requirements.yaml).
  for (const [integration, suite] of Object.entries(genericSuitesFor(catalog))) {
    suites.set(integration, {
      integration,
      title: suite.title,
      ...(suite.titleDa && { titleDa: suite.titleDa }),
      version: suite.version,
      kind: 'generic',
      requirements: suite.requirements?.requirements ?? [],
      tests: suiteTests(suite).map(testOf),
    });
  }
  return suites;
}
