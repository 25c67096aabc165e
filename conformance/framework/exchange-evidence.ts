/**
 * When an exchange a test attaches is evidence for an integration. A pass earns a status only
 * through exchanges that show the system doing the integration's work right (issue 9): an
 * exchange counts only when it was made
 * - by the attested it-system (the certificate the platform attested the run for),
 * - to the integration the test's suite is about (an SF1520 lookup proves nothing about SF1500),
 * - and its own outcome was right: answered 2xx, no fault, and no error finding against the
 *   request (a warning, such as a StandardRetur "not found" answered with 200, is an answer).
 * Exchanges that ended in a fault or a finding may still belong to a passing test (the system
 * reported "not found" as it should), but they show a refusal or an error, not a working call,
 * so they never make a pass count as evidence on their own.
 */
import type { ExchangeRecord } from './run-document.ts';

export interface EvidenceScope {
  /** The attested it-system UUID (the attestation's `statement.system.uuid`). */
  systemUuid: string;
  integration: string;
}

export function isEvidenceFor(exchange: ExchangeRecord, scope: EvidenceScope): boolean {
  const status = typeof exchange.status === 'number' ? exchange.status : 0;
  const errors = Array.isArray(exchange.findings)
    ? exchange.findings.filter((f) => (f as { severity?: unknown })?.severity !== 'warning').length
    : 0;
  return (
    exchange.systemUuid === scope.systemUuid &&
    exchange.integration === scope.integration &&
    status >= 200 &&
    status < 300 &&
    exchange.fault === undefined &&
    errors === 0
  );
}
