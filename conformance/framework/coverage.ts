/**
 * Traceability check (DESIGN.md §4.6): every SHALL requirement has a test or a written reason
 * why not, every test verifies requirements that exist. Suites call `assertCoverage` from their
 * own test so that a new SHALL without a test fails `npm test`.
 */
import { suiteTests, type GroupDefinition, type Untested } from './definition.ts';
import { suiteRequirements, type RequirementsFile } from './requirements.ts';

export interface CoverageProblem {
  code:
    | 'shall-untested'
    | 'unknown-requirement'
    | 'untested-unknown'
    | 'untested-without-reason'
    | 'untested-but-tested'
    | 'integration-mismatch';
  message: string;
}

interface SuiteShape {
  id: string;
  integration: string;
  untested?: Untested[];
  groups: GroupDefinition<never>[] | GroupDefinition<any>[];
}

/** Every traceability problem of a suite against its requirements; empty when all is well. */
export function checkCoverage(suite: SuiteShape, requirements: RequirementsFile): CoverageProblem[] {
  const problems: CoverageProblem[] = [];
  const known = new Map(requirements.requirements.map((r) => [r.id, r]));
  const tested = new Map<string, string[]>();
  if (requirements.integration !== suite.integration) {
    problems.push({
      code: 'integration-mismatch',
      message: `Suite ${suite.id} is for ${suite.integration} but its requirements file is for ${requirements.integration}`,
    });
  }
  for (const { id, test } of suiteTests(suite as { id: string; groups: GroupDefinition<unknown>[] })) {
    for (const requirementId of test.verifies) {
      if (!known.has(requirementId)) {
        problems.push({
          code: 'unknown-requirement',
          message: `Test ${id} verifies ${requirementId}, which is not in the requirements file`,
        });
      }
      tested.set(requirementId, [...(tested.get(requirementId) ?? []), id]);
    }
  }
  const reasons = new Map<string, string>();
  for (const { requirement, reason } of suite.untested ?? []) {
    if (!known.has(requirement)) {
      problems.push({
        code: 'untested-unknown',
        message: `untested names ${requirement}, which is not in the requirements file`,
      });
    }
    if (reason.trim().length === 0) {
      problems.push({
        code: 'untested-without-reason',
        message: `untested lists ${requirement} without a reason; write why it is not tested`,
      });
    }
    if (tested.has(requirement)) {
      problems.push({
        code: 'untested-but-tested',
        message: `${requirement} is listed as untested but ${tested.get(requirement)!.join(', ')} verifies it; remove it from untested`,
      });
    }
    reasons.set(requirement, reason);
  }
  for (const requirement of requirements.requirements) {
    if (requirement.level === 'SHALL' && !tested.has(requirement.id) && !reasons.has(requirement.id)) {
      problems.push({
        code: 'shall-untested',
        message: `${requirement.id} (SHALL) has no test and no reason in untested: "${requirement.text}"`,
      });
    }
  }
  return problems;
}

/** Loads the suite's requirements.yaml and throws one error listing every coverage problem. */
export async function assertCoverage(
  suite: SuiteShape & { requirementsFile: string | URL; requirements?: RequirementsFile },
): Promise<void> {
  const problems = checkCoverage(suite, await suiteRequirements(suite));
  if (problems.length > 0) {
    throw new Error(`Suite ${suite.id} is not traceable:\n- ${problems.map((p) => p.message).join('\n- ')}`);
  }
}
