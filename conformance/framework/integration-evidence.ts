/**
 * Per integration, what a verified run shows: the input of the onboarding sheet's status rule.
 *
 * Two kinds of SHALL pass are told apart. A pass that attaches at least one exchange that is
 * evidence for the integration (exchange-evidence.ts: made by the attested it-system, to this
 * integration, with a right outcome) shows that the system did the integration's work. Any other
 * pass is a check the runner made on its own (the agreement is approved, the platform answers the
 * runner with the system's certificate) or rests on exchanges that prove nothing here: a
 * precondition, which says nothing about what the system does, so it is counted but never earns
 * a status on its own.
 *
 * A SHALL test "ran" only when it reached a judgement: a pass or a fail. A skipped, waiting,
 * broken or omitted test showed nothing about the system, so it is listed in `shallNotRun` with
 * the reason it gives; an integration with any such test is incomplete and earns no status. An
 * error blamed on the environment is listed on its own (`environmentErrors`): then nothing of
 * the integration can be judged.
 *
 * Nothing counts unless the whole document verified: in a verified run every embedded exchange
 * is signed by the platform key and attested as recorded for the calling it-system.
 */
import { isEvidenceFor } from './exchange-evidence.ts';
import type { TestResult } from './results.ts';
import type { TestRecord } from './run-document.ts';
import type { VerifyReport } from './verify-run.ts';

export interface IntegrationEvidence {
  integration: string;
  suite: string;
  /** Every SHALL test of the suite in this run, omitted ones included. */
  shallTotal: number;
  /** SHALL tests that ran to a judgement: passed or failed. */
  shallRan: number;
  /** SHALL tests that did not (skipped, waiting, broken, omitted), with the reason each gives. */
  shallNotRun: { id: string; result: Exclude<TestResult, 'pass' | 'fail'>; reason: string }[];
  /** Tests of the suite (any level) that errored because of the environment, with the message. */
  environmentErrors: { id: string; message: string }[];
  /** SHALL tests that passed, when the run verified (0 otherwise). */
  shallPassed: number;
  /** Of those, the ones that attach at least one exchange that is evidence for the integration. */
  shallPassedWithEvidence: number;
  /** SHALL passes without such an exchange: the runner's own checks (preconditions). */
  preconditions: string[];
  /** Exchanges of the integration's passing SHALL tests that are evidence for it. */
  exchanges: number;
}

const judged = (t: TestRecord) => t.result === 'pass' || t.result === 'fail';
const isEnvironmentError = (t: TestRecord) => t.result === 'error' && t.blame === 'environment';
const noReason = {
  error: 'the test broke',
  skip: 'skipped without a reason',
  omit: 'omitted without a reason',
  wait: 'waits for a person',
} as const;

export function integrationEvidence(report: VerifyReport): IntegrationEvidence[] {
  const document = report.document;
  if (!document) return [];
  const systemUuid = document.attestation?.statement.system.uuid;
  return document.summary.suites.map((suite) => {
    const tests = document.tests.filter((t) => t.suite === suite.suite);
    const shall = tests.filter((t) => t.level === 'SHALL');
    const passed = report.ok ? shall.filter((t) => t.result === 'pass') : [];
    const proving = (t: TestRecord) =>
      systemUuid ? t.exchanges.filter((e) => isEvidenceFor(e, { systemUuid, integration: suite.integration })) : [];
    const withEvidence = passed.filter((t) => proving(t).length > 0);
    return {
      integration: suite.integration,
      suite: suite.suite,
      shallTotal: shall.length,
      shallRan: shall.filter(judged).length,
      shallNotRun: shall.flatMap((t) => {
        if (t.result === 'pass' || t.result === 'fail') return [];
        return [{ id: t.id, result: t.result, reason: t.message || noReason[t.result] }];
      }),
      environmentErrors: tests
        .filter(isEnvironmentError)
        .map((t) => ({ id: t.id, message: `${t.code ? `${t.code}: ` : ''}${t.message ?? 'the environment failed'}` })),
      shallPassed: passed.length,
      shallPassedWithEvidence: withEvidence.length,
      preconditions: passed.filter((t) => proving(t).length === 0).map((t) => t.id),
      exchanges: passed.reduce((sum, t) => sum + proving(t).length, 0),
    };
  });
}
