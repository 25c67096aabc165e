import { escapeHtml } from './html.ts';
import type { MatrixModel } from './matrix-model.ts';
import { backingMark } from '../../../conformance/onboarding/index.ts';
import { noStatusStyle, type StatusStyle } from './status-style.ts';

/**
 * The matrix body as one HTML string. At 700 systems × 1,000 integrations the table has
 * 700,000 cells; building it as text is far cheaper than as components, and every byte per
 * cell counts: cells carry only a class and a one- or two-letter mark, and leave out the end
 * tags </td> and </tr>, which HTML makes optional. What backs a status follows its mark: * a
 * run on a platform KOMBIT trusts, + a run on the supplier's own platform (the legend says so).
 */
export { backingMark };
/** `exampleLabel` follows the name of a system the project made up ("projekteksempel"). */
export function matrixBodyHtml(
  model: MatrixModel,
  styles: StatusStyle[],
  systemHref: (id: string) => string,
  exampleLabel = 'projekteksempel',
): string {
  const byCode = new Map(styles.map((s) => [s.code, s]));
  const out: string[] = [];
  for (const row of model.rows) {
    const present = new Set<string>();
    let cells = '';
    for (const cell of row.cells) {
      if (!cell.required && !cell.status) {
        cells += '<td>';
        continue;
      }
      const style = cell.status ? byCode.get(cell.status) : undefined;
      const cls = style?.cls ?? noStatusStyle.cls;
      present.add(cls);
      const backed = cell.backing && cell.backing !== 'none' ? backingMark[cell.backing] : '';
      cells += `<td class=${cls}>${style ? escapeHtml(style.mark) : noStatusStyle.mark}${backed}`;
    }
    out.push(
      `<tr data-area="${escapeHtml(row.areas.join(' '))}" data-supplier="${row.supplier}" data-s="${[...present].join(' ')}">` +
        `<th scope="row"><a href="${systemHref(row.systemId)}">${escapeHtml(row.name)}</a>` +
        `<small>${escapeHtml(row.areas.join(' · '))} · ${escapeHtml(row.supplierName)}${row.fictional ? ` · <em class=km-example>${escapeHtml(exampleLabel)}</em>` : ''}</small></th>${cells}`,
    );
  }
  return out.join('\n');
}
