/**
 * What backs a klarmelding: the declaration (KOMBIT's word in the cell) and the evidence beside
 * it are two things. A status set by hand or imported from KOMBIT's workbook is backed by
 * nothing klarmeld can check; a status recorded from a run is backed by that run, on a platform
 * the supplier ran itself (its key is not on the sheet's trusted list) or on a platform KOMBIT
 * trusts. The kind is never written as a status word.
 */
import type { EventEvidence } from './status-event.ts';

export type Backing =
  | { kind: 'none' }
  | {
      kind: 'own-platform' | 'trusted-platform';
      runId: string;
      keyFingerprint?: string;
      shallPassed?: number;
      shallTotal?: number;
    };

/** The backing of an event's evidence. Trust granted by --key alone (recorded before it stopped counting) is not trust. */
export function backingOf(evidence: EventEvidence | undefined): Backing {
  if (!evidence) return { kind: 'none' };
  const trusted = evidence.keyTrusted === true && evidence.trustedBy !== 'pinned';
  return {
    kind: trusted ? 'trusted-platform' : 'own-platform',
    runId: evidence.runId,
    ...(evidence.keyFingerprint ? { keyFingerprint: evidence.keyFingerprint } : {}),
    ...(evidence.shallTotal !== undefined
      ? { shallPassed: evidence.shallPassed, shallTotal: evidence.shallTotal }
      : {}),
  };
}

/** One line for a reader, in Danish as KOMBIT reads the sheet: "egen platform (nøgle 3f2a…), kørsel …". */
export function backingText(backing: Backing): string {
  if (backing.kind === 'none') return 'intet belæg';
  const counts = backing.shallTotal !== undefined ? `, ${backing.shallPassed}/${backing.shallTotal} SHALL` : '';
  const key = backing.keyFingerprint ? ` (nøgle ${backing.keyFingerprint.slice(0, 12)}…)` : '';
  return backing.kind === 'trusted-platform'
    ? `kørsel ${backing.runId} på en platform KOMBIT har godkendt${key}${counts}`
    : `kørsel ${backing.runId} på leverandørens egen platform${key}${counts}`;
}

/**
 * What kind of evidence backs a status, as a reader sees it beside the status (report, site,
 * Excel): the same three phrases everywhere, Danish as KOMBIT reads the sheet, and English.
 */
export const backingKindLabels: Readonly<Record<Backing['kind'], { da: string; en: string }>> = Object.freeze({
  'trusted-platform': { da: 'kørsel på en platform KOMBIT har godkendt', en: 'a run on a platform KOMBIT trusts' },
  'own-platform': { da: 'kørsel på leverandørens egen platform', en: "a run on the supplier's own platform" },
  none: { da: 'intet belæg', en: 'no evidence' },
});

/** The kind's phrase in a locale. */
export const backingKindLabel = (kind: Backing['kind'], locale: 'da' | 'en' = 'da'): string =>
  backingKindLabels[kind][locale];

/** The run behind a backing in a few words ("kørsel run-1, nøgle 3f2a…, 8/8 SHALL"); '' for none. */
export function backingDetail(backing: Backing): string {
  if (backing.kind === 'none') return '';
  const key = backing.keyFingerprint ? `, nøgle ${backing.keyFingerprint.slice(0, 12)}…` : '';
  const counts = backing.shallTotal !== undefined ? `, ${backing.shallPassed}/${backing.shallTotal} SHALL` : '';
  return `kørsel ${backing.runId}${key}${counts}`;
}

/** The short English name of the kind, for --json readers and filters. */
export const backingKinds = ['none', 'own-platform', 'trusted-platform'] as const;
