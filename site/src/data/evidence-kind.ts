import { backingKindLabel, type Backing } from '../../../conformance/onboarding/index.ts';
import type { Locale } from '../i18n/locale.ts';
import type { ReadinessEntry } from './readiness.ts';

export interface EvidenceKind {
  kind: Backing['kind'];
  /** "kørsel på en platform KOMBIT har godkendt", "kørsel på leverandørens egen platform", "intet belæg" (or English). */
  label: string;
}

/**
 * What kind of evidence backs a status, for the connection report on the system page (issue 11:
 * the declaration and its evidence are two things, and a reader sees both). Undefined where there
 * is no status: a blank cell declares nothing, so nothing backs it.
 */
export function evidenceKindOf(
  entry: Pick<ReadinessEntry, 'status' | 'backing'> | undefined,
  locale: Locale,
): EvidenceKind | undefined {
  if (!entry?.status) return undefined;
  return { kind: entry.backing.kind, label: backingKindLabel(entry.backing.kind, locale) };
}
