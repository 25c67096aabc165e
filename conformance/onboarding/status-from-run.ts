/**
 * The klarmelding a conformance run shows for one integration (issues 4 and 11).
 *
 * What the run shows (a verified run in which every SHALL test of the integration ran to a pass
 * or a fail; the caller works the counts out with integrationEvidence and records nothing for an
 * integration that is incomplete or whose environment failed):
 * - `klarmeldt` when every SHALL test passed and at least one pass attaches a platform-signed
 *   exchange of the system;
 * - `delvist-klarmeldt` when not every SHALL test passed but some that attach such an exchange did;
 * - `ikke-klarmeldt` when no SHALL pass attaches one. Passes without an exchange are the
 *   runner's own checks (the agreement is approved, the platform answers the runner): they are
 *   preconditions and never earn a status on their own.
 *
 * Whose platform signed it is not part of the status: the declaration is what the run shows,
 * and the evidence beside it says whether the run was on the supplier's own platform or on one
 * KOMBIT trusts (declaration-backing.ts). klarmeld never writes one of KOMBIT's words, such as
 * "Ensidig", to mean "untrusted key": KOMBIT's sources do not define that word. That an
 * untrusted run must not overwrite a status earned under a trusted key is the recorder's guard
 * (runEarnsStatus), not this rule's.
 */
export type RunStatus = 'klarmeldt' | 'delvist-klarmeldt' | 'ikke-klarmeldt';

export interface RunEvidenceCounts {
  /** Every SHALL test of the integration in the run, omitted ones included. */
  shallTotal: number;
  shallPassed: number;
  shallPassedWithEvidence: number;
}

export interface RunKey {
  fingerprint?: string;
  /** On the sheet's list of trusted platform keys (never merely pinned with --key). */
  trusted: boolean;
}

/** What the run shows, whoever signed it. */
export function shownByRun(counts: RunEvidenceCounts): RunStatus {
  if (counts.shallPassedWithEvidence === 0) return 'ikke-klarmeldt';
  if (counts.shallTotal > 0 && counts.shallPassed >= counts.shallTotal) return 'klarmeldt';
  return 'delvist-klarmeldt';
}

/** The declaration to record: what the run shows, whichever key signed it (the key goes in the evidence). */
export function statusFromRun(counts: RunEvidenceCounts, _key?: RunKey): { status: RunStatus } {
  return { status: shownByRun(counts) };
}
