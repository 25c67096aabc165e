import { createElement as h } from 'react';
import { Box, Text } from 'ink';
import { backingKindLabels, type ConnectionReport, type StatusLegend } from '../../conformance/onboarding/index.ts';

/** The connection report (tilslutningsrapport) of one system, statuses in their sheet colours. */
export function SheetReportView({ report, legend }: { report: ConnectionReport; legend: StatusLegend[] }) {
  const colours = new Map(legend.map((s) => [s.code, s]));
  const section = (level: 'mandatory' | 'supplementary', title: string) => {
    const list = report.integrations.filter((i) => i.level === level);
    if (list.length === 0) return null;
    return h(
      Box,
      { flexDirection: 'column', marginTop: 1 },
      h(Text, { bold: true }, title),
      list.map((i) => {
        const status = i.status ? colours.get(i.status) : undefined;
        return h(
          Text,
          { key: i.integration },
          '  ',
          h(Text, { bold: true }, i.integration.padEnd(11)),
          ' ',
          i.title.slice(0, 40).padEnd(40),
          ' ',
          (i.package ?? 'pakke ikke oplyst').padEnd(17),
          ' ',
          status
            ? h(Text, { backgroundColor: status.colour, color: status.textColour }, ` ${i.code ?? status.label} `)
            : h(Text, { color: 'gray' }, 'no status'),
          h(
            Text,
            { color: 'gray' },
            i.at ? ` ${i.at.slice(0, 10)}` : '',
            i.spread ? ` tilsluttet i ${i.spread.connected} af ${i.spread.of} kommuner` : '',
            i.source === 'catalogue' ? ' (katalog)' : i.source ? ` (${i.source})` : '',
            i.reason ? ` — ${i.reason}` : '',
            // What kind of evidence backs the declaration, beside every status (issue 11).
            i.status ? ` belæg: ${backingKindLabels[i.backing?.kind ?? 'none'].da}` : '',
            i.evidence ? ` [run ${i.evidence.runId}, ${i.evidence.shallPassed}/${i.evidence.shallTotal} SHALL]` : '',
          ),
        );
      }),
    );
  };
  return h(
    Box,
    { flexDirection: 'column' },
    h(
      Text,
      { bold: true },
      'Connection report: ',
      report.system.name,
      ' ',
      h(Text, { color: 'gray' }, '(', report.system.id, ')'),
    ),
    report.system.fictional && h(Text, { color: 'gray' }, '(projekteksempel: a system the project made up)'),
    h(Text, null, 'Leverandør: ', report.supplier.name, ' (CVR ', report.supplier.cvr, ')'),
    h(
      Text,
      null,
      'Anvender kommuner (',
      report.municipalities.length,
      '): ',
      report.municipalities.map((m) => m.name).join(', ') || 'ingen',
    ),
    h(Text, null, 'SKI Ydelsesområde: ', report.areas.map((a) => `${a.id} ${a.name}`).join('; ') || 'ingen'),
    h(Text, null, 'SKI Use case(s) (', report.estimate.label, '):'),
    report.useCases.map((u) =>
      h(
        Text,
        { key: u.id },
        '  ',
        u.id,
        ': ',
        u.title,
        u.fictional && !u.title.includes('projekteksempel') ? ' (projekteksempel)' : '',
      ),
    ),
    (['mandatory', 'supplementary'] as const).map((level) =>
      h(
        Box,
        { key: level, flexDirection: 'column', marginTop: 1 },
        h(
          Text,
          { bold: true },
          level === 'mandatory' ? 'Obligatoriske' : 'Supplerende',
          ' integrationer (',
          report.estimate.label,
          ')',
        ),
        report.packages
          .filter((p) => p.level === level)
          .map((p) =>
            h(
              Text,
              { key: p.id },
              '  ',
              p.id,
              ' ',
              p.title,
              p.fictional && !p.title.includes('projekteksempel') ? ' (projekteksempel)' : '',
            ),
          ),
      ),
    ),
    h(
      Text,
      {
        bold: true,
        color: report.ready.ready === report.ready.mandatory && report.ready.mandatory > 0 ? 'green' : 'yellow',
      },
      'Ready: ',
      report.ready.ready,
      ' of ',
      report.ready.mandatory,
      ' mandatory integrations',
    ),
    section('mandatory', `Obligatoriske snitflader (mandatory integrations) (${report.estimate.label})`),
    section('supplementary', `Supplerende snitflader (supplementary integrations) (${report.estimate.label})`),
    report.excepted.length > 0 &&
      h(
        Box,
        { flexDirection: 'column', marginTop: 1 },
        h(Text, { bold: true }, 'Declared exceptions'),
        report.excepted.map((e) => h(Text, { key: e.integration }, '  ', e.integration.padEnd(9), ' ', e.reason)),
      ),
  );
}
