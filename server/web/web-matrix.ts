/**
 * KOMBIT's matrix as the caller may see it (GET /api/matrix: KOMBIT every system, a supplier its
 * own, a municipality those it uses), drawn with the site's marks and colours: each cell its
 * status mark, then * or + for what backs it, and for screen readers the status and the evidence
 * in words (the phrases of the report and the site).
 */
import type { Catalog } from '../../catalog/catalog.ts';
import { backingKindLabel, backingMark, noStatusStyle, statusStyles, type SheetMatrix } from '../../conformance/onboarding/index.ts';
import { esc, href, type PageContext } from './web-page.ts';
import { word } from './web-words.ts';

export function matrixBody(ctx: PageContext, catalog: Catalog, matrix: SheetMatrix): string {
  const { locale } = ctx;
  const styles = new Map(statusStyles(catalog.statuses, locale).map((s) => [s.code, s]));
  const head = matrix.columns.map((id) => `<th scope="col">${esc(id)}</th>`).join('');
  const rows = matrix.rows.map((row) => {
    const cells = row.cells.map((cell) => {
      if (!cell.level && !cell.status) return '<td></td>';
      const style = cell.status ? styles.get(cell.status) : undefined;
      const kind = cell.evidence?.kind ?? 'none';
      const mark = kind !== 'none' && cell.status ? backingMark[kind] : '';
      const said = style ? `${style.label}${cell.word && cell.word !== style.label ? ` (${cell.word})` : ''}, ${backingKindLabel(kind, locale)}` : word(locale, 'noStatus');
      return `<td class="${style?.cls ?? noStatusStyle.cls}" data-integration="${esc(cell.integration)}"><span aria-hidden="true">${esc(style?.mark ?? noStatusStyle.mark)}${mark}</span><span class="vh">${esc(`${cell.integration}: ${said}`)}</span></td>`;
    }).join('');
    return `<tr data-system="${esc(row.system)}"><th scope="row"><a href="${href(locale, `/systems/${encodeURIComponent(row.system)}`)}">${esc(row.name)}</a><br><small>${esc(row.supplierName)}</small></th>${cells}</tr>`;
  }).join('\n');
  const used = new Set(matrix.rows.flatMap((r) => r.cells.map((c) => c.status).filter(Boolean)));
  const legend = [...styles.values()].filter((s) => used.has(s.code) || matrix.legend.find((l) => l.code === s.code)?.inSheet)
    .map((s) => `<li><span class="km-st ${s.cls}">${esc(s.mark)}</span> ${esc(s.label)}</li>`).join('');
  return `<h2>${esc(word(locale, 'legend'))}</h2><ul>${legend}<li><span class="km-st ${noStatusStyle.cls}">${noStatusStyle.mark}</span> ${esc(word(locale, 'noStatus'))}</li></ul>
<p>${esc(word(locale, 'backingLegend'))}: <code>*</code> ${esc(backingKindLabel('trusted-platform', locale))}; <code>+</code> ${esc(backingKindLabel('own-platform', locale))}.</p>
<div class="km-scroll" tabindex="0" role="region" aria-label="${esc(word(locale, 'matrix'))}"><table class="km-matrix"><thead><tr><th scope="col">${esc(word(locale, 'system'))}</th>${head}</tr></thead><tbody>
${rows}</tbody></table></div>`;
}
