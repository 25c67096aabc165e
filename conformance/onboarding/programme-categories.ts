/**
 * KOMBIT's onboarding programme (seeds/002, slide "ONBOARDINGSPROGRAMMET HAR OVERBLIKKET OVER
 * TILSLUTNINGERNE"): the categories a system has its place in, and the reasons KOMBIT lists
 * beside them. The slide does not say which reason belongs to which category (not given by
 * KOMBIT's sources), so every reason may go with every category; the reasons describe a product
 * or a supplier's declaration, so they belong to a system, not to a cell. One reason,
 * "Leverandøren er ikke enig", is also what a supplier's contest of KOMBIT's estimate records
 * (contest-events.ts).
 */
import { programmeReasonTexts } from '../../catalog/index.ts';

export interface ProgrammeCategory {
  code: string;
  /** As KOMBIT writes it. */
  label: string;
  labelEn: string;
  /** Takes the onboarding round's number ("Forløb 3"). */
  round?: boolean;
}

export const programmeCategories: readonly ProgrammeCategory[] = Object.freeze([
  // The slide writes "Tilmeldt onboardingsforløb, SKI-leverandører".
  { code: 'tilmeldt', label: 'Tilmeldt onboardingsforløb', labelEn: 'Enrolled in an onboarding round', round: true },
  { code: 'klarmeldt', label: 'Klarmeldt', labelEn: 'Declared ready' },
  { code: 'delvist-klarmeldt', label: 'Delvist klarmeldt', labelEn: 'Partly declared ready' },
  { code: 'irrelevant', label: 'Markeret som irrelevante', labelEn: 'Marked as not relevant' },
  { code: 'manglende-info', label: 'Manglende info om klarmeldingsstatus', labelEn: 'Declaration status unknown' },
  { code: 'ikke-klarmeldt', label: 'Ikke klarmeldt', labelEn: 'Not declared ready' },
  { code: 'administrativt-fjernet', label: 'Administrativt fjernet', labelEn: 'Removed administratively' },
]);

/** KOMBIT's reasons; the catalogue's schema holds the list, so that a system's declared place is checked too. */
export const programmeReasons: readonly string[] = Object.freeze([...programmeReasonTexts]);

/** The reason a supplier's contest of KOMBIT's estimate is recorded with. */
export const contestReason = 'Leverandøren er ikke enig';

const fold = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** A category by its code or KOMBIT's label (any case). */
export function findCategory(text: string): ProgrammeCategory | undefined {
  const wanted = fold(text);
  return programmeCategories.find((c) => c.code === wanted || fold(c.label) === wanted || fold(c.labelEn) === wanted);
}

/** One of KOMBIT's reasons, as KOMBIT writes it, by any case. */
export function findReason(text: string): string | undefined {
  return programmeReasons.find((r) => fold(r) === fold(text));
}
