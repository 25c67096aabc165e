import { Box, Text } from 'ink';
import type { ConnectionReport, StatusLegend } from '../../conformance/onboarding/index.ts';

/** The connection report (tilslutningsrapport) of one system, statuses in their sheet colours. */
export function SheetReportView({ report, legend }: { report: ConnectionReport; legend: StatusLegend[] }) {
  const colours = new Map(legend.map((s) => [s.code, s]));
  const section = (level: 'mandatory' | 'supplementary', title: string) => {
    const list = report.integrations.filter((i) => i.level === level);
    if (list.length === 0) return null;
    return (
      <Box flexDirection="column" marginTop={1}>
        <Text bold>{title}</Text>
        {list.map((i) => {
          const status = i.status ? colours.get(i.status) : undefined;
          return (
            <Text key={i.integration}>
              {'  '}
              <Text bold>{i.integration.padEnd(9)}</Text> {i.title.slice(0, 40).padEnd(40)}{' '}
              {status ? <Text backgroundColor={status.colour} color={status.textColour}>{` ${status.label} `}</Text> : <Text color="gray">no status</Text>}
              <Text color="gray">
                {i.at ? ` ${i.at.slice(0, 10)}` : ''}
                {i.source ? ` (${i.source})` : ''}
                {i.reason ? ` — ${i.reason}` : ''}
                {i.evidence ? ` [run ${i.evidence.runId}, ${i.evidence.shallPassed}/${i.evidence.shallTotal} SHALL]` : ''}
              </Text>
            </Text>
          );
        })}
      </Box>
    );
  };
  return (
    <Box flexDirection="column">
      <Text bold>
        Connection report: {report.system.name} <Text color="gray">({report.system.id})</Text>
      </Text>
      <Text>Supplier: {report.supplier.name} (CVR {report.supplier.cvr})</Text>
      <Text>Service areas: {report.areas.map((a) => `${a.id} ${a.name}`).join('; ') || 'none'}</Text>
      <Text>Use cases: {report.useCases.map((u) => u.id).join(', ') || 'none'}</Text>
      <Text>
        Municipalities ({report.municipalities.length}): {report.municipalities.map((m) => m.name).join(', ') || 'none'}
      </Text>
      <Text bold color={report.ready.ready === report.ready.mandatory && report.ready.mandatory > 0 ? 'green' : 'yellow'}>
        Ready: {report.ready.ready} of {report.ready.mandatory} mandatory integrations
      </Text>
      {section('mandatory', 'Mandatory integrations')}
      {section('supplementary', 'Supplementary integrations')}
      {report.excepted.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>Declared exceptions</Text>
          {report.excepted.map((e) => (
            <Text key={e.integration}>
              {'  '}
              {e.integration.padEnd(9)} {e.reason}
            </Text>
          ))}
        </Box>
      )}
    </Box>
  );
}
