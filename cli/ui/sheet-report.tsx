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
              <Text bold>{i.integration.padEnd(11)}</Text> {i.title.slice(0, 40).padEnd(40)} {(i.package ?? 'pakke ikke oplyst').padEnd(17)}{' '}
              {status ? <Text backgroundColor={status.colour} color={status.textColour}>{` ${i.code ?? status.label} `}</Text> : <Text color="gray">no status</Text>}
              <Text color="gray">
                {i.at ? ` ${i.at.slice(0, 10)}` : ''}
                {i.spread ? ` tilsluttet i ${i.spread.connected} af ${i.spread.of} kommuner` : ''}
                {i.source === 'catalogue' ? ' (katalog)' : i.source ? ` (${i.source})` : ''}
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
      {report.system.fictional && <Text color="gray">(projekteksempel: a system the project made up)</Text>}
      <Text>Leverandør: {report.supplier.name} (CVR {report.supplier.cvr})</Text>
      <Text>
        Anvender kommuner ({report.municipalities.length}): {report.municipalities.map((m) => m.name).join(', ') || 'ingen'}
      </Text>
      <Text>SKI Ydelsesområde: {report.areas.map((a) => `${a.id} ${a.name}`).join('; ') || 'ingen'}</Text>
      <Text>SKI Use case(s) ({report.estimate.label}):</Text>
      {report.useCases.map((u) => (
        <Text key={u.id}>  {u.id}: {u.title}{u.fictional && !u.title.includes('projekteksempel') ? ' (projekteksempel)' : ''}</Text>
      ))}
      {(['mandatory', 'supplementary'] as const).map((level) => (
        <Box key={level} flexDirection="column" marginTop={1}>
          <Text bold>{level === 'mandatory' ? 'Obligatoriske' : 'Supplerende'} integrationer ({report.estimate.label})</Text>
          {report.packages.filter((p) => p.level === level).map((p) => (
            <Text key={p.id}>  {p.id} {p.title}{p.fictional && !p.title.includes('projekteksempel') ? ' (projekteksempel)' : ''}</Text>
          ))}
        </Box>
      ))}
      <Text bold color={report.ready.ready === report.ready.mandatory && report.ready.mandatory > 0 ? 'green' : 'yellow'}>
        Ready: {report.ready.ready} of {report.ready.mandatory} mandatory integrations
      </Text>
      {section('mandatory', `Obligatoriske snitflader (mandatory integrations) (${report.estimate.label})`)}
      {section('supplementary', `Supplerende snitflader (supplementary integrations) (${report.estimate.label})`)}
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
