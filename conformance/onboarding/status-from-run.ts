/**
 * The klarmelding status a conformance run earns for one integration (issue 4).
 *
 * What the run shows (a verified run; the caller works the counts out with integrationEvidence):
 * - `klarmeldt` when every SHALL test passed and at least one pass attaches a platform-signed
 *   exchange of the system;
 * - `delvist-klarmeldt` when not every SHALL test passed but some that attach such an exchange did;
 * - `ikke-klarmeldt` when no SHALL pass attaches one. Passes without an exchange are the
 *   runner's own checks (the agreement is approved, the platform answers the runner): they are
 *   preconditions and never earn a status on their own.
 *
 * Whom it shows it to: the evidence is only as good as the key that signed it. When that key is
 * neither on the sheet's trusted list nor pinned with --key, a klarmeldt or delvist-klarmeldt
 * becomes `ensidig` (declared by the supplier without verified evidence), with a reason that
 * names the key's fingerprint. An `ikke-klarmeldt` stays what it is: it claims nothing.
 */
export type RunStatus = 'klarmeldt' | 'delvist-klarmeldt' | 'ikke-klarmeldt' | 'ensidig';

export interface RunEvidenceCounts {
  /** Every SHALL test of the integration in the run, omitted ones included. */
  shallTotal: number;
  shallPassed: number;
  shallPassedWithEvidence: number;
}

export interface RunKey {
  fingerprint?: string;
  trusted: boolean;
}

/** What the run shows, whoever signed it. */
export function shownByRun(counts: RunEvidenceCounts): Exclude<RunStatus, 'ensidig'> {
  if (counts.shallPassedWithEvidence === 0) return 'ikke-klarmeldt';
  if (counts.shallTotal > 0 && counts.shallPassed >= counts.shallTotal) return 'klarmeldt';
  return 'delvist-klarmeldt';
}

/** The status to record, and the reason when the key's trust changed it. */
export function statusFromRun(counts: RunEvidenceCounts, key: RunKey): { status: RunStatus; reason?: string } {
  const shown = shownByRun(counts);
  if (shown === 'ikke-klarmeldt' || key.trusted) return { status: shown };
  const passed = `${counts.shallPassed} of ${counts.shallTotal} SHALL tests passed`;
  const which = key.fingerprint ? `platform key ${key.fingerprint}` : 'a platform key the run does not name';
  return {
    status: 'ensidig',
    reason: `The run would show ${shown} (${passed}), but its evidence is signed with ${which}, which the sheet does not trust: it is the supplier's own declaration until KOMBIT trusts that platform key or the run is recorded with --key.`,
  };
}
