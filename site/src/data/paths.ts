import { localePrefix, type Locale } from '../i18n/locale.ts';

/**
 * Where each kind of page lives. Slugs are Danish and the same in both locales, so the
 * language picker maps /integrationer/sf1500/ to /en/integrationer/sf1500/.
 */
export const sections = {
  integration: 'integrationer',
  area: 'ydelsesomraader',
  package: 'pakker',
  supplier: 'leverandoerer',
  system: 'systemer',
  matrix: 'klarmelding',
} as const;

export type Section = keyof typeof sections;

/** A catalogue id as a URL segment: SF1590_A → sf1590_a, Y14.II.1 → y14-ii-1. */
export function idSlug(id: string): string {
  return id
    .toLowerCase()
    .replaceAll('.', '-')
    .replaceAll(/[^a-z0-9_-]/g, '-');
}

/** Slug (no leading or trailing slash) of a page; the index page of a section when id is left out. */
export function slugOf(locale: Locale, section: Section, id?: string): string {
  return `${localePrefix(locale)}${sections[section]}${id === undefined ? '' : `/${idSlug(id)}`}`;
}

/** Slug of a use case page, below its area. */
export function useCaseSlug(locale: Locale, areaId: string, useCaseId: string): string {
  return `${slugOf(locale, 'area', areaId)}/${idSlug(useCaseId)}`;
}

/** Site-absolute link to a page, with the trailing slash Astro's static output uses. */
export function href(locale: Locale, section: Section, id?: string): string {
  return `/${slugOf(locale, section, id)}/`;
}

export function useCaseHref(locale: Locale, areaId: string, useCaseId: string): string {
  return `/${useCaseSlug(locale, areaId, useCaseId)}/`;
}

/** Where a contract file is served for download (copied from the catalogue at build time). */
export function contractHref(file: string): string {
  return `/kontrakter/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** Anchor id of an operation on an integration page. */
export function operationAnchor(service: string, operation: string): string {
  return `op-${idSlug(service)}-${idSlug(operation)}`;
}
