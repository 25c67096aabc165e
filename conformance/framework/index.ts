/** The conformance framework's public API (see README.md). */
export { defineSuite, suiteTests, testId } from './definition.ts';
export type { GroupDefinition, SuiteDefinition, TestContext, TestDefinition, Untested } from './definition.ts';
export { EnvironmentError, TestFailure, TestOutcome, isAssertionError } from './errors.ts';
export { blames, requirementLevels, strongestLevel, testResults } from './results.ts';
export type { Blame, RequirementLevel, TestResult } from './results.ts';
export {
  checkGeneratedRequirements,
  loadRequirements,
  parseRequirements,
  RequirementsError,
  suiteRequirements,
} from './requirements.ts';
export type { Requirement, RequirementsFile, RequirementsProblem } from './requirements.ts';
export { assertCoverage, checkCoverage, type CoverageProblem } from './coverage.ts';
export { runSuites, type RunEvent, type RunOptions, type RunOutput } from './runner.ts';
export { summarise, resultOrder, verdictExitCodes, type SummaryInput } from './summarise.ts';
export { runDocument, exchangeRecord, testRecord } from './run-document.ts';
export type {
  Counts,
  ExchangeRecord,
  RunDocument,
  SuiteRecord,
  SuiteSummary,
  Summary,
  TestRecord,
  Verdict,
} from './run-document.ts';
export {
  attestationRequest,
  buildRunDocument,
  evidenceDigests,
  resultsDigest,
  withAttestation,
  type RunMeta,
} from './build-run-document.ts';
export { rederiveRun, type RederiveOptions, type RederiveProblem, type RederiveReport } from './rederive-run.ts';
export { replayTest, type ReplayCursorLike, type ReplayEnvironmentFactory } from './replay-test.ts';
export {
  tapeDoor,
  tapeFormat,
  TapeWriter,
  type ReplaySection,
  type Tapeable,
  type TapeEntry,
  type TestTape,
} from './tape.ts';
export { verifyRun, type VerifyOptions, type VerifyProblem, type VerifyReport } from './verify-run.ts';
export {
  systemBinding,
  type CatalogueBinding,
  type SystemBinding,
  type SystemBindingProblem,
} from './system-binding.ts';
export { isEvidenceFor, type EvidenceScope } from './exchange-evidence.ts';
export { integrationEvidence, type IntegrationEvidence } from './integration-evidence.ts';
export { klarmeldVersion } from './klarmeld-version.ts';
export { toHtml, toJson, toJunitXml } from './reporters/index.ts';
export { classifyOutcome } from './classify-outcome.ts';
