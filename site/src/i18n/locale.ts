/**
 * The site's two locales. Danish is the root locale (no URL prefix); English lives under /en/.
 * Catalogue texts are Danish; `pick` uses the English text where the data has one.
 */
export const locales = ['da', 'en'] as const;
export type Locale = (typeof locales)[number];

/** URL prefix of a locale: '' for Danish, 'en/' for English. */
export function localePrefix(locale: Locale): string {
  return locale === 'da' ? '' : 'en/';
}

/** The English text when the locale is English and the data has one, else the Danish text. */
export function pick(locale: Locale, da: string, en?: string): string {
  return locale === 'en' && en ? en : da;
}

/** A date as the reader's locale writes it; the catalogue and the sheet store ISO dates. */
export function formatDate(locale: Locale, iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(locale === 'da' ? 'da-DK' : 'en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}
