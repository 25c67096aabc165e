/**
 * Per integration, what a verified run shows: the input of the onboarding sheet's status rule.
 *
 * Two kinds of SHALL pass are told apart. A pass that attaches at least one exchange the platform
 * recorded and signed for the system is evidence that the system did something. A pass without
 * one is a check the runner made on its own (the agreement is approved, the platform answers the
 * runner with the system's certificate): a precondition, which says nothing about what the
 * system does, so it is counted but never earns a status on its own.
 *
 * Nothing counts unless the whole document verified: in a verified run every embedded exchange
 * is signed by the platform key and attested as recorded for the calling it-system.
 */
import type { VerifyReport } from './verify-run.ts';

export interface IntegrationEvidence {
  integration: string;
  suite: string;
  /** Every SHALL test of the suite in this run, omitted ones included. */
  shallTotal: number;
  /** SHALL tests that were not omitted (0: nothing of the integration ran). */
  shallRan: number;
  /** SHALL tests that passed, when the run verified (0 otherwise). */
  shallPassed: number;
  /** Of those, the ones that attach at least one platform-signed exchange of the system. */
  shallPassedWithEvidence: number;
  /** SHALL passes without an exchange of the system: the runner's own checks (preconditions). */
  preconditions: string[];
  /** Exchanges the integration's passing SHALL tests rely on. */
  exchanges: number;
}

export function integrationEvidence(report: VerifyReport): IntegrationEvidence[] {
  const document = report.document;
  if (!document) return [];
  return document.summary.suites.map((suite) => {
    const shall = document.tests.filter((t) => t.suite === suite.suite && t.level === 'SHALL');
    const passed = report.ok ? shall.filter((t) => t.result === 'pass') : [];
    const withEvidence = passed.filter((t) => t.exchanges.length > 0);
    return {
      integration: suite.integration,
      suite: suite.suite,
      shallTotal: shall.length,
      shallRan: shall.filter((t) => t.result !== 'omit').length,
      shallPassed: passed.length,
      shallPassedWithEvidence: withEvidence.length,
      preconditions: passed.filter((t) => t.exchanges.length === 0).map((t) => t.id),
      exchanges: passed.reduce((sum, t) => sum + t.exchanges.length, 0),
    };
  });
}
