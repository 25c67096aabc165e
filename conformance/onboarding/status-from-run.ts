/**
 * The klarmelding status a conformance run earns for one integration (issue 4): `klarmeldt`
 * when every SHALL test passed with platform-signed evidence, `delvist-klarmeldt` when some
 * did, `ikke-klarmeldt` when none did (or the integration has no SHALL test to pass). Only
 * passes backed by a verified run count; the caller works that out (integrationEvidence).
 */
export type RunStatus = 'klarmeldt' | 'delvist-klarmeldt' | 'ikke-klarmeldt';

export function statusFromRun(evidence: { shallTotal: number; shallPassedWithEvidence: number }): RunStatus {
  const { shallTotal, shallPassedWithEvidence } = evidence;
  if (shallTotal > 0 && shallPassedWithEvidence >= shallTotal) return 'klarmeldt';
  if (shallPassedWithEvidence > 0) return 'delvist-klarmeldt';
  return 'ikke-klarmeldt';
}
