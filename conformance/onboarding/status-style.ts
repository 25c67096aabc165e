/**
 * How the vocabulary's statuses are drawn in HTML (site and server's web front alike, one
 * source): a CSS class, the short mark, the colours; and what backs a status after its mark.
 */
import type { OnboardingStatus } from '../../catalog/index.ts';

type Locale = 'da' | 'en';
const pick = (locale: Locale, da: string, en?: string) => (locale === 'en' && en ? en : da);

/** What backs a status follows its mark in the matrix: * a run on a platform KOMBIT trusts, + a run on the supplier's own platform. */
export const backingMark = { 'trusted-platform': '*', 'own-platform': '+' } as const;

/** How one status of the vocabulary is drawn: a CSS class, a short mark for compact cells, colours. */
export interface StatusStyle {
  code: string;
  cls: string;
  mark: string;
  label: string;
  colour: string;
  textColour: string;
  ready: boolean;
}

/** Class and mark of a required integration that has no status in the sheet (or when there is no sheet). */
export const noStatusStyle = { cls: 'sx', mark: '–', colour: '#f2f2f2', textColour: '#333333' } as const;

/**
 * The significant word of a label: "1. Ja / Klarmeldt" → "Ja", "Tilmeldt onboardingsforløb" →
 * "Tilmeldt". The sheet numbers some labels; the number is not what a reader scans for.
 */
function significant(label: string): string {
  return label.replace(/^\s*\d+\.\s*/, '').trim();
}

/**
 * Styles for the whole vocabulary, in its order. Where the vocabulary gives no marks, marks are the first letter of the label's
 * significant word, widened to two letters where two statuses would share one; the one ready
 * status gets a check mark so that "done" reads at a glance.
 */
export function statusStyles(statuses: OnboardingStatus[], locale: Locale): StatusStyle[] {
  // The vocabulary's own marks (K, D, F …) are the one set of codes CLI, site and filters share.
  if (statuses.every((s) => s.mark)) {
    return statuses.map((status, i) => ({
      code: status.code,
      cls: `s${i}`,
      mark: status.mark!,
      label: pick(locale, `${(status.words ?? [status.label]).join(' / ')}${status.round ? ' N' : ''}`, status.labelEn),
      colour: status.colour,
      textColour: status.textColour,
      ready: status.ready,
    }));
  }
  const firsts = statuses.map((s) => significant(s.label).charAt(0).toUpperCase());
  const onlyReady = statuses.filter((s) => s.ready).length === 1;
  return statuses.map((status, i) => {
    const word = significant(status.label);
    const shared = firsts.filter((f) => f === firsts[i]).length > 1;
    const letters = shared ? word.slice(0, 2) : word.charAt(0);
    return {
      code: status.code,
      cls: `s${i}`,
      mark: status.ready && onlyReady ? '✓' : letters.charAt(0).toUpperCase() + letters.slice(1).toLowerCase(),
      label: pick(locale, status.label, status.labelEn),
      colour: status.colour,
      textColour: status.textColour,
      ready: status.ready,
    };
  });
}

/** CSS rules for the status classes, from the vocabulary's colours (the colours are data). */
export function statusCss(styles: StatusStyle[]): string {
  const rules = styles.map(
    (s) => `.km-st.${s.cls},.km-matrix td.${s.cls}{background:${s.colour};color:${s.textColour}}`,
  );
  rules.push(
    `.km-st.${noStatusStyle.cls},.km-matrix td.${noStatusStyle.cls}{background:${noStatusStyle.colour};color:${noStatusStyle.textColour}}`,
  );
  return rules.join('\n');
}
