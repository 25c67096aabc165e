import { createElement as h } from 'react';
import { Box, Text } from 'ink';
import type { MatrixView } from '../services/sheet-views.ts';
import { EXAMPLE_MARK, exampleLegend } from '../../conformance/onboarding/index.ts';

const pad = (text: string, width: number) =>
  text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length);

/**
 * The onboarding sheet as a coloured matrix: KOMBIT's 18 columns first, each cell its status's
 * short code in the status's colour, followed by what backs it (* a run on a platform KOMBIT
 * trusts, + a run on the supplier's own platform).
 */
export function SheetMatrixView({ view }: { view: MatrixView }) {
  const legend = new Map(view.legend.map((s) => [s.code, s]));
  const name = (row: MatrixView['rows'][number]) => `${row.system}${row.fictional ? EXAMPLE_MARK : ''}`;
  const first = Math.max(6, ...view.rows.map((r) => name(r).length)) + 2;
  const widths = view.columns.map((c) => Math.max(3, c.length) + 1);
  return h(
    Box,
    { flexDirection: 'column' },
    h(Text, { bold: true }, pad('System', first), view.columns.map((c, i) => pad(c, widths[i]!)).join('')),
    view.rows.map((row) =>
      h(
        Text,
        { key: row.system },
        // A system the project made up is marked, so nobody takes it for a real SKI system.
        row.fictional ? h(Text, { color: 'gray' }, pad(name(row), first)) : pad(row.system, first),
        row.cells.map((cell, i) => {
          const width = widths[i]!;
          const status = cell.status ? legend.get(cell.status) : undefined;
          if (!status) return h(Text, { key: cell.integration, color: 'gray' }, pad(cell.level ? '·' : '', width));
          return h(
            Text,
            { key: cell.integration, backgroundColor: status.colour, color: status.textColour },
            pad(
              ` ${status.mark}${cell.evidence?.kind === 'trusted-platform' ? '*' : cell.evidence?.kind === 'own-platform' ? '+' : ''}`,
              width - 1,
            ),
            h(Text, { backgroundColor: undefined }, ' '),
          );
        }),
      ),
    ),
    view.rows.length === 0 && h(Text, { color: 'gray' }, '(no systems match)'),
    h(
      Box,
      { marginTop: 1, flexDirection: 'column' },
      h(
        Text,
        { color: 'gray' },
        "· required, blank · * backed by a run on a platform KOMBIT trusts · + by a run on the supplier's own platform",
      ),
      view.legend
        .filter((s) => s.inSheet)
        .map((s) =>
          h(
            Text,
            { key: s.code },
            h(Text, { backgroundColor: s.colour, color: s.textColour }, pad(` ${s.mark}`, 4)),
            ' ',
            s.words.join(' / '),
            s.code === 'tilmeldt' ? ' N' : '',
            s.reportCode ? ` (${s.reportCode})` : '',
          ),
        ),
      view.rows.some((r) => r.fictional) && h(Text, { color: 'gray' }, exampleLegend),
      view.kept.length > 0 &&
        h(
          Text,
          { color: 'yellow' },
          view.kept.length,
          ' cells of the latest import could not be mapped and are kept verbatim (--json "kept").',
        ),
      h(
        Text,
        { color: 'gray' },
        view.sheetExists
          ? `Sheet: ${view.sheetPath}`
          : `No sheet yet at ${view.sheetPath}: statuses shown are the catalogue's.`,
      ),
    ),
  );
}
