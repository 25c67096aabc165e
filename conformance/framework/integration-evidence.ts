/**
 * Per integration, how many SHALL tests a verified run passed: the input of the onboarding
 * sheet's status rule. A pass counts only when the whole document verified (exchanges signed by
 * the platform, results attested by it); an unverified run counts nothing.
 */
import type { VerifyReport } from './verify-run.ts';

export interface IntegrationEvidence {
  integration: string;
  suite: string;
  shallTotal: number;
  shallPassedWithEvidence: number;
  /** Exchanges the integration's passing SHALL tests rely on. */
  exchanges: number;
}

export function integrationEvidence(report: VerifyReport): IntegrationEvidence[] {
  const document = report.document;
  if (!document) return [];
  return document.summary.suites.map((suite) => {
    const shall = document.tests.filter((t) => t.suite === suite.suite && t.level === 'SHALL' && t.result !== 'omit');
    const passed = report.ok ? shall.filter((t) => t.result === 'pass') : [];
    return {
      integration: suite.integration,
      suite: suite.suite,
      shallTotal: shall.length,
      shallPassedWithEvidence: passed.length,
      exchanges: passed.reduce((sum, t) => sum + t.exchanges.length, 0),
    };
  });
}
