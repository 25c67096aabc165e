/**
 * KOMBIT's matrix as the caller may see it (GET /api/matrix: KOMBIT every system, a supplier its
 * own, a municipality those it uses), drawn with the site's marks and colours: each cell its
 * status mark, then * or + for what backs it, and for screen readers the status and the evidence
 * in words (the phrases of the report and the site).
 */
import type { Catalog } from '../../catalog/index.ts';
import {
  backingKindLabel,
  backingMark,
  noStatusStyle,
  statusStyles,
  type SheetMatrix,
} from '../../conformance/onboarding/index.ts';
import { esc, href, scrollRegion, type PageContext } from './web-page.ts';
import { word } from './web-words.ts';

/** The filter form (a GET form: no script, the server filters): area, supplier, status. */
function filterForm(
  ctx: PageContext,
  catalog: Catalog,
  matrix: SheetMatrix,
  query: URLSearchParams,
  styles: ReturnType<typeof statusStyles>,
): string {
  const { locale } = ctx;
  const select = (name: string, label: string, options: [string, string][]) =>
    `<label>${esc(label)}<select name="${name}"><option value="">${esc(word(locale, 'all'))}</option>${options.map(([v, t]) => `<option value="${esc(v)}"${query.get(name) === v ? ' selected' : ''}>${esc(t)}</option>`).join('')}</select></label>`;
  const areas = [...new Set(matrix.rows.flatMap((r) => r.areas))].sort().map((id): [string, string] => {
    const area = catalog.areas.find((a) => a.id === id);
    return [id, `${id} ${area ? (locale === 'en' && area.nameEn ? area.nameEn : area.name) : ''}`.trim()];
  });
  const suppliers = [...new Map(matrix.rows.map((r) => [r.supplier, r.supplierName])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1], 'da'),
  );
  return `<form class="km-inline" method="get" aria-label="${esc(word(locale, 'filter'))}">${select('area', word(locale, 'area'), areas)}${select('supplier', word(locale, 'supplier'), suppliers)}${select(
    'status',
    word(locale, 'status'),
    styles.map((s) => [s.code, s.label]),
  )}<button type="submit">${esc(word(locale, 'show'))}</button></form>`;
}

/** The rows the filter keeps: in the area, of the supplier, with a cell in the status. */
function filtered(matrix: SheetMatrix, query: URLSearchParams): SheetMatrix {
  const area = query.get('area');
  const supplier = query.get('supplier');
  const status = query.get('status');
  return {
    ...matrix,
    rows: matrix.rows.filter(
      (r) =>
        (!area || r.areas.includes(area)) &&
        (!supplier || r.supplier === supplier) &&
        (!status || r.cells.some((c) => c.status === status)),
    ),
  };
}

export function matrixBody(
  ctx: PageContext,
  catalog: Catalog,
  all: SheetMatrix,
  query: URLSearchParams = new URLSearchParams(),
): string {
  const { locale } = ctx;
  const styles = new Map(statusStyles(catalog.statuses, locale).map((s) => [s.code, s]));
  const matrix = filtered(all, query);
  const head = matrix.columns.map((id) => `<th scope="col">${esc(id)}</th>`).join('');
  const rows = matrix.rows
    .map((row) => {
      const cells = row.cells
        .map((cell) => {
          if (!cell.level && !cell.status) return '<td></td>';
          const style = cell.status ? styles.get(cell.status) : undefined;
          const kind = cell.evidence?.kind ?? 'none';
          const mark = kind !== 'none' && cell.status ? backingMark[kind] : '';
          const said = style
            ? `${style.label}${cell.word && cell.word !== style.label ? ` (${cell.word})` : ''}, ${backingKindLabel(kind, locale)}`
            : word(locale, 'noStatus');
          return `<td class="${style?.cls ?? noStatusStyle.cls}" data-integration="${esc(cell.integration)}"><span aria-hidden="true">${esc(style?.mark ?? noStatusStyle.mark)}${mark}</span><span class="vh">${esc(`${cell.integration}: ${said}`)}</span></td>`;
        })
        .join('');
      return `<tr data-system="${esc(row.system)}"><th scope="row"><a href="${href(locale, `/systems/${encodeURIComponent(row.system)}`)}">${esc(row.name)}</a><br><small>${esc(row.supplierName)}</small></th>${cells}</tr>`;
    })
    .join('\n');
  const used = new Set(matrix.rows.flatMap((r) => r.cells.map((c) => c.status).filter(Boolean)));
  const legend = [...styles.values()]
    .filter((s) => used.has(s.code) || matrix.legend.find((l) => l.code === s.code)?.inSheet)
    .map((s) => `<li><span class="km-st ${s.cls}">${esc(s.mark)}</span> ${esc(s.label)}</li>`)
    .join('');
  return `${filterForm(ctx, catalog, all, query, [...styles.values()])}<p>${matrix.rows.length} ${esc(word(locale, 'shownSystems'))}</p><h2>${esc(word(locale, 'legend'))}</h2><ul>${legend}<li><span class="km-st ${noStatusStyle.cls}">${noStatusStyle.mark}</span> ${esc(word(locale, 'noStatus'))}</li></ul>
<p>${esc(word(locale, 'backingLegend'))}: <code>*</code> ${esc(backingKindLabel('trusted-platform', locale))}; <code>+</code> ${esc(backingKindLabel('own-platform', locale))}.</p>
${scrollRegion(
  word(locale, 'matrix'),
  `<table class="km-matrix"><thead><tr><th scope="col">${esc(word(locale, 'system'))}</th>${head}</tr></thead><tbody>
${rows}</tbody></table>`,
)}`;
}
