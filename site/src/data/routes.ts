import { locales, type Locale } from '../i18n/locale.ts';
import { slugOf, useCaseSlug, type Section } from './paths.ts';
import type { SiteData } from './site-data.ts';

/** What a generated page shows. Hand-written pages (landing, guides) live in the docs collection. */
export type PageRef =
  | { kind: 'index'; section: Exclude<Section, 'matrix'> }
  | { kind: 'integration'; id: string }
  | { kind: 'area'; id: string }
  | { kind: 'useCase'; area: string; id: string }
  | { kind: 'package'; id: string }
  | { kind: 'supplier'; id: string }
  | { kind: 'system'; id: string }
  | { kind: 'matrix' };

export interface Route {
  slug: string;
  locale: Locale;
  page: PageRef;
}

/** Every generated page of the site, in both locales. */
export function routesOf(data: SiteData): Route[] {
  const { catalog } = data;
  const routes: Route[] = [];
  for (const locale of locales) {
    const add = (slug: string, page: PageRef) => routes.push({ slug, locale, page });
    for (const section of ['integration', 'area', 'package', 'supplier', 'system'] as const) {
      add(slugOf(locale, section), { kind: 'index', section });
    }
    add(slugOf(locale, 'matrix'), { kind: 'matrix' });
    for (const i of catalog.integrations) add(slugOf(locale, 'integration', i.id), { kind: 'integration', id: i.id });
    for (const a of catalog.areas) {
      add(slugOf(locale, 'area', a.id), { kind: 'area', id: a.id });
      for (const u of a.useCases) add(useCaseSlug(locale, a.id, u.id), { kind: 'useCase', area: a.id, id: u.id });
    }
    for (const p of catalog.packages) add(slugOf(locale, 'package', p.id), { kind: 'package', id: p.id });
    for (const s of catalog.suppliers) add(slugOf(locale, 'supplier', s.cvr), { kind: 'supplier', id: s.cvr });
    for (const s of catalog.systems) add(slugOf(locale, 'system', s.id), { kind: 'system', id: s.id });
  }
  return routes;
}
