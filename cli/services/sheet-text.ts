/**
 * Plain-text forms of the sheet views, for pipes and CI logs (no colours, no ink). Status
 * cells use the short marks of the legend so the matrix stays narrow.
 */
import { EXAMPLE_MARK, exampleLegend } from '../../conformance/onboarding/index.ts';
import type { HistoryView, MatrixView } from './sheet-views.ts';

const pad = (text: string, width: number) =>
  text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length);
const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');
const rowName = (row: { system: string; fictional: boolean }) => `${row.system}${row.fictional ? EXAMPLE_MARK : ''}`;

export function matrixText(view: MatrixView): string {
  const marks = new Map(view.legend.map((s) => [s.code, s.mark]));
  const first = Math.max(6, ...view.rows.map((r) => rowName(r).length)) + 2;
  const widths = view.columns.map((c) => Math.max(3, c.length) + 1);
  const lines = [pad('System', first) + view.columns.map((c, i) => pad(c, widths[i]!)).join('')];
  for (const row of view.rows) {
    const backed = (c: (typeof row.cells)[number]) =>
      c.evidence?.kind === 'trusted-platform' ? '*' : c.evidence?.kind === 'own-platform' ? '+' : '';
    const cells = row.cells.map((c, i) =>
      pad(c.status ? `${marks.get(c.status) ?? c.status}${backed(c)}` : c.level ? '·' : '', widths[i]!),
    );
    lines.push(pad(rowName(row), first) + cells.join(''));
  }
  if (view.rows.length === 0) lines.push('(no systems match)');
  lines.push(
    '',
    `Legend: · required, blank; ${view.legend
      .filter((s) => s.inSheet)
      .map(
        (s) =>
          `${s.mark} ${s.words.join('/')}${s.code === 'tilmeldt' ? ' N' : ''}${s.reportCode ? ` (${s.reportCode})` : ''}`,
      )
      .join('; ')}; * backed by a run on a platform KOMBIT trusts, + by a run on the supplier's own platform`,
  );
  if (view.rows.some((r) => r.fictional)) lines.push(exampleLegend);
  if (view.kept.length > 0)
    lines.push(`Kept verbatim from the latest import (not mapped): ${view.kept.length} cells; see --json "kept".`);
  lines.push(
    view.sheetExists
      ? `Sheet: ${view.sheetPath}`
      : `No sheet yet at ${view.sheetPath}: statuses shown are the catalogue's.`,
  );
  return `${lines.join('\n')}\n`;
}

export function historyText(view: HistoryView): string {
  const programme = [
    ...view.programme.map(
      (p) =>
        `${p.at.replace('T', ' ').slice(0, 19)}  programme  ${p.category || '(derived from the cells again)'}${p.round ? ` ${p.round}` : ''}  ${p.actor}${p.reason ? `  — ${p.reason}` : ''}${p.note ? ` (${p.note})` : ''}`,
    ),
    ...view.contests.map(
      (c) =>
        `${c.at.replace('T', ' ').slice(0, 19)}  ${pad(c.integration, 9)}  ${c.kind === 'contest' ? 'contest' : `decided ${c.decision}`}  ${c.actor}  — ${c.reason}`,
    ),
  ];
  // The programme's and the contests' events are history too (issue 11): after the cells', each oldest first.
  const tail = programme.length > 0 ? `\nProgramme and KOMBIT skøn:\n${programme.join('\n')}\n` : '';
  if (view.events.length === 0)
    return `No events for ${view.system}${view.integration ? ` ${view.integration}` : ''}.\n${tail}`;
  const lines = view.events.map((e) =>
    [
      e.at.replace('T', ' ').slice(0, 19),
      pad(e.integration, 9),
      pad(e.label || '(blank)', 26),
      pad(e.source, 7),
      e.actor,
      e.reason ? `— ${e.reason}` : '',
      e.evidence
        ? `[run ${e.evidence.runId}${e.evidence.shallTotal !== undefined ? `, ${e.evidence.shallPassed}/${e.evidence.shallTotal} SHALL` : ''}]`
        : '',
    ]
      .filter(Boolean)
      .join('  '),
  );
  return `${lines.join('\n')}\n${tail}`;
}

/** The connection report's text lives beside the report's other views. */
export { reportText } from './sheet-report-text.ts';
