/**
 * The closed set of test results (DESIGN.md §4.7):
 * - `pass`  the system did what the requirement asks;
 * - `fail`  the system did not (the supplier's problem);
 * - `error` the test could not be carried out (the environment: platform, certificate,
 *           agreement; or the test itself broke) — `blame` says which;
 * - `skip`  not run, for a stated reason (e.g. needs the embedded platform's recorder);
 * - `omit`  left out on purpose (not selected, not applicable to this system);
 * - `wait`  needs a human step that has not been done yet.
 */
export const testResults = ['pass', 'fail', 'error', 'skip', 'omit', 'wait'] as const;
export type TestResult = (typeof testResults)[number];

/** Whose problem a non-pass is: the supplier's system, the environment, or the test itself. */
export const blames = ['supplier', 'environment', 'test'] as const;
export type Blame = (typeof blames)[number];

/** Requirement levels (RFC 2119 words as the requirements files write them). */
export const requirementLevels = ['SHALL', 'SHOULD', 'MAY'] as const;
export type RequirementLevel = (typeof requirementLevels)[number];

/** The strongest level of a list (SHALL beats SHOULD beats MAY); MAY when the list is empty. */
export function strongestLevel(levels: readonly RequirementLevel[]): RequirementLevel {
  if (levels.includes('SHALL')) return 'SHALL';
  if (levels.includes('SHOULD')) return 'SHOULD';
  return 'MAY';
}
