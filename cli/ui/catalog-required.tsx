import { Box, Text } from 'ink';
import type { RequiredView } from '../services/catalog-views.ts';

type Row = RequiredView['required'][number];

function Line({ r }: { r: Row }) {
  return (
    <Box>
      <Box width={12} flexShrink={0}><Text color="cyan">{r.integration}</Text></Box>
      <Box width={16} flexShrink={0}><Text dimColor>{r.package ?? '–'} {r.useCase}</Text></Box>
      <Box flexGrow={1}><Text wrap="truncate-end">{r.title ?? ''}{r.via ? ` (needed by ${r.via})` : ''}</Text></Box>
    </Box>
  );
}

/** `klarmeld catalog required <system>`: mandatory, then supplementary, then declared exceptions. */
export function CatalogRequiredView({ view }: { view: RequiredView }) {
  const mandatory = view.required.filter((r) => r.level === 'mandatory');
  const supplementary = view.required.filter((r) => r.level === 'supplementary');
  return (
    <Box flexDirection="column">
      <Text bold>{view.system.name} <Text dimColor>({view.system.id}, {view.system.areas.join(', ')})</Text></Text>
      {(['mandatory', 'supplementary'] as const).map((level) => {
        const packages = view.packages.filter((p) => p.level === level);
        return packages.length === 0 ? null : (
          <Box key={level} flexDirection="column" marginTop={1}>
            <Text bold>{level === 'mandatory' ? 'Obligatoriske' : 'Supplerende'} integrationer (KOMBIT skøn)</Text>
            {packages.map((p) => <Text key={p.id}>  {p.id} {p.title}</Text>)}
          </Box>
        );
      })}
      {view.required.some((r) => r.packageNotGiven) ? <Text dimColor>–: the sources require the integration without naming the package that holds it.</Text> : null}
      <Box flexDirection="column" marginTop={1}>
        <Text bold>{mandatory.length} mandatory</Text>
        {mandatory.map((r) => <Line key={r.integration} r={r} />)}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text bold>{supplementary.length} supplementary</Text>
        {supplementary.map((r) => <Line key={r.integration} r={r} />)}
      </Box>
      {view.excepted.length ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>{view.excepted.length} declared exceptions</Text>
          {view.excepted.map((r) => (
            <Text key={r.integration}><Text color="yellow">{r.integration}</Text> {r.reason}</Text>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
