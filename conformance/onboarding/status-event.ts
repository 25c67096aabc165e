/**
 * One status event of the onboarding sheet: "at this time, this actor set system × integration
 * to this status (for this reason, on this evidence)". Events are only ever appended; the
 * current status of a pair is its latest event.
 */
export const eventSources = ['manual', 'run', 'import'] as const;
export type EventSource = (typeof eventSources)[number];

/** The evidence behind a status computed from a conformance run. */
export interface EventEvidence {
  runId: string;
  /** The run document's results digest (the runner's claim, countersigned by the platform). */
  digest: string;
  /** Fingerprint of the platform key that signed the run. */
  keyFingerprint?: string;
  /**
   * Whether that key was trusted when the run was recorded: on the sheet's list of trusted
   * platform keys. Without it the run is the supplier's own platform's word (the declaration is
   * recorded with that backing; events recorded before issue 11 say `ensidig` instead).
   */
  keyTrusted?: boolean;
  /**
   * How the key came to be trusted: `sheet` (the list). `pinned` (--key) appears only in events
   * recorded before --key stopped granting trust; it is kept so those events still read.
   */
  trustedBy?: 'sheet' | 'pinned';
  shallTotal?: number;
  shallPassed?: number;
  /** SHALL passes that attach a platform-signed exchange of the system (the rest are the runner's own checks). */
  shallPassedWithEvidence?: number;
}

/** What a caller asks to append. */
export interface NewStatusEvent {
  system: string;
  integration: string;
  /**
   * A code of the catalogue's onboarding vocabulary (catalog.statuses), e.g. `klarmeldt`; '' for
   * a blank cell (KOMBIT's workbook emptied it).
   */
  status: string;
  /**
   * The word of the cell as KOMBIT writes it ("Delvist", "Forløb 3", "1. Ja"); absent in
   * events recorded before issue 11, which read as the status's first word.
   */
  word?: string;
  reason?: string;
  actor: string;
  source: EventSource;
  evidence?: EventEvidence;
}

/** An event as stored: with its order, id and time. */
export interface StatusEvent extends NewStatusEvent {
  seq: number;
  id: string;
  /** ISO 8601, UTC. */
  at: string;
}
