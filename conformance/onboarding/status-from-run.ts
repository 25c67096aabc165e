/**
 * The klarmelding status a conformance run earns for one integration (issue 4).
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
 * Whom it shows it to: the evidence is only as good as the key that signed it, and only KOMBIT
 * says which platform keys count (the sheet's trusted list). A key pinned with --key only says
 * which key must have signed the run: anyone can pin the throwaway key of their own embedded
 * platform, so pinning earns no trust. Under an untrusted key a klarmeldt or delvist-klarmeldt
 * becomes `ensidig` (declared by the supplier without verified evidence), with a reason that
 * names the key's fingerprint.
 *
 * An `ikke-klarmeldt` stays what it is whoever signed: it claims no readiness, so there is
 * nothing for a trusted key to vouch for, and calling it `ensidig` (a supplier's declaration of
 * readiness) would say the opposite of what the run shows. That it must not overwrite a status
 * earned under a trusted key is the recorder's guard (recordRun), not this rule's.
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
  /** On the sheet's list of trusted platform keys (never merely pinned with --key). */
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
    reason: `The run would show ${shown} (${passed}), but its evidence is signed with ${which}, which is not trusted in this sheet: it is the supplier's own declaration. KOMBIT trusts a platform key with \`klarmeld sheet trust-key\`; then run the tests again (a run already recorded is not recorded twice).`,
  };
}
