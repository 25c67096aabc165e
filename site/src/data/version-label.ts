import type { Locale } from '../i18n/locale.ts';
import { t } from '../i18n/ui.ts';
import type { IntegrationVersion } from './catalog-types.ts';

type Numbered = Pick<IntegrationVersion, 'version'>;

/**
 * KOMBIT's number of an integration version, or the words that say the sources do not give it
 * ("versionsnummer ikke offentliggjort"). The catalogue leaves such a number out rather than
 * guess one, so a page must never show a number, a blank or "undefined" in its place.
 */
export function versionNumberText(locale: Locale, version: Numbered): string {
  return version.version ?? t(locale, 'versionNotPublished');
}

/** "Version 6", or "versionsnummer ikke offentliggjort" where the number is not published. */
export function versionText(locale: Locale, version: Numbered): string {
  return version.version === undefined
    ? t(locale, 'versionNotPublished')
    : `${t(locale, 'version')} ${version.version}`;
}
