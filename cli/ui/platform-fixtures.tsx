import { Box, Text } from 'ink';
import type { FixtureList } from '../services/platform-fixtures.ts';

/** `klarmeld platform fixtures`: the test persons, units and users of Korsbæk Kommune. */
export function PlatformFixturesView({ fixtures }: { fixtures: FixtureList }) {
  return (
    <Box flexDirection="column">
      <Text bold>{fixtures.municipality.name} (CVR {fixtures.municipality.cvr}): test data on the platform</Text>
      <Text color="gray">{fixtures.notice}</Text>
      <Text> </Text>
      <Text bold>Persons (SF1520 PersonLookup)</Text>
      {fixtures.persons.map((p) => (
        <Box key={p.pnr}>
          <Box width={12} flexShrink={0}><Text color="cyan">{p.pnr}</Text></Box>
          <Box width={26} flexShrink={0}><Text wrap="truncate-end">{p.name}</Text></Box>
          <Box flexGrow={1}><Text wrap="wrap">{p.special}</Text></Box>
        </Box>
      ))}
      {fixtures.units.length > 0 && (
        <>
          <Text> </Text>
          <Text bold>Organisation units (SF1500)</Text>
          {fixtures.units.map((u) => (
            <Box key={u.uuid}>
              <Box width={38} flexShrink={0}><Text color="cyan">{u.uuid}</Text></Box>
              <Box flexGrow={1}><Text wrap="wrap">{u.name}{u.note ? ` – ${u.note}` : ''}</Text></Box>
            </Box>
          ))}
        </>
      )}
      {fixtures.users.length > 0 && (
        <>
          <Text> </Text>
          <Text bold>Users (SF1500)</Text>
          {fixtures.users.map((u) => (
            <Box key={u.uuid}>
              <Box width={38} flexShrink={0}><Text color="cyan">{u.uuid}</Text></Box>
              <Box flexGrow={1}><Text wrap="wrap">{[u.userId, u.name].filter(Boolean).join(' ')}{u.note ? ` – ${u.note}` : ''}</Text></Box>
            </Box>
          ))}
        </>
      )}
    </Box>
  );
}
