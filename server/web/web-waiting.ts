/**
 * A municipality's home: the systems the catalogue says it uses, and per system the required
 * integrations whose service agreement has no decision yet, neither in the catalogue's agreement
 * list nor made here, with a link to the report where it decides them.
 */
import type { Catalog } from '../../catalog/index.ts';
import { requiredIntegrations } from '../../catalog/index.ts';
import type { AgreementDecision } from '../store/server-store.ts';
import { esc, href, scrollRegion, type PageContext } from './web-page.ts';
import { word } from './web-words.ts';

export function waitingAgreements(
  catalog: Catalog,
  municipalityCvr: string,
  decisions: readonly AgreementDecision[],
): { system: string; name: string; waiting: string[] }[] {
  const decided = new Set([
    ...catalog.agreements.filter((a) => a.municipality === municipalityCvr).map((a) => `${a.system} ${a.integration}`),
    ...decisions.filter((d) => d.municipalityCvr === municipalityCvr).map((d) => `${d.systemId} ${d.integration}`),
  ]);
  return catalog.systems
    .filter((s) => s.municipalities.includes(municipalityCvr))
    .map((s) => ({
      system: s.id,
      name: s.name,
      waiting: requiredIntegrations(catalog, s.id)
        .map((r) => r.integration)
        .filter((i) => !decided.has(`${s.id} ${i}`)),
    }));
}

export function waitingBody(ctx: PageContext, rows: ReturnType<typeof waitingAgreements>): string {
  const w = (key: Parameters<typeof word>[1]) => esc(word(ctx.locale, key));
  const body = rows
    .map(
      (r) =>
        `<tr data-system="${esc(r.system)}"><th scope="row"><a href="${href(ctx.locale, `/systems/${encodeURIComponent(r.system)}`)}">${esc(r.name)}</a></th><td>${r.waiting.length}</td><td>${esc(r.waiting.join(', '))}</td></tr>`,
    )
    .join('');
  return `<h2>${w('waiting')}</h2>${scrollRegion(word(ctx.locale, 'waiting'), `<table><thead><tr><th scope="col">${w('system')}</th><th scope="col">${w('count')}</th><th scope="col">${w('integration')}</th></tr></thead><tbody>${body}</tbody></table>`)}`;
}
