import { pick, type Locale } from '../i18n/locale.ts';
import { t, type UiKey } from '../i18n/ui.ts';
import { href, useCaseHref, type Section } from './paths.ts';
import type { SiteData } from './site-data.ts';

/** What `[...slug].astro` gives every generated page: the build's data and the page's locale. */
export interface PageProps {
  data: SiteData;
  locale: Locale;
}

/** What it gives a page about one catalogue entry (an integration, area, system …): also its id. */
export interface EntryPageProps extends PageProps {
  id: string;
}

/**
 * What every generated page reads: the catalogue with its index, and the site's words, the
 * catalogue's texts and the links in the page's locale. The locale is bound once here, so that
 * a page writes `t('systems')` and `href('system', id)` rather than repeating it in every line.
 */
export function pageContext({ data, locale }: PageProps) {
  return {
    locale,
    catalog: data.catalog,
    index: data.index,
    /** The site's word for `key`. */
    t: (key: UiKey) => t(locale, key),
    /** The English text on English pages when the catalogue has one, else the Danish text. */
    pick: (da: string, en?: string) => pick(locale, da, en),
    /** Link to a page of a section; its index page when `id` is left out. */
    href: (section: Section, id?: string) => href(locale, section, id),
    /** Link to a use case page, below its area. */
    useCaseHref: (areaId: string, useCaseId: string) => useCaseHref(locale, areaId, useCaseId),
  };
}
