import { Box, Text } from 'ink';
import type { IntegrationRow } from '../services/catalog-views.ts';
import { numberNotPublished } from './version-number.ts';

const lifecycleColour: Record<string, string> = { 'I drift': 'green', Kommende: 'cyan', Udfases: 'yellow', Udfaset: 'gray' };

/** `klarmeld catalog list`: one line per integration. */
export function CatalogListView({ rows, area }: { rows: IntegrationRow[]; area?: string }) {
  return (
    <Box flexDirection="column">
      <Text bold>{rows.length} integrations{area ? ` required or offered in ${area}` : ''}</Text>
      {rows.map((r) => (
        <Box key={r.id}>
          <Box width={12} flexShrink={0}><Text color="cyan">{r.id}</Text></Box>
          <Box width={14} flexShrink={0}>
            <Text color={lifecycleColour[r.lifecycle ?? ''] ?? 'gray'}>{r.lifecycle ? `v${r.currentVersion ?? '–'} ${r.lifecycle}` : '–'}</Text>
          </Box>
          <Box flexGrow={1}><Text wrap="truncate-end">{r.title}{r.publicInformation === 'kun-titel' ? ' (kun titel offentlig)' : ''}</Text></Box>
        </Box>
      ))}
      {rows.some((r) => r.lifecycle && r.currentVersion === undefined) ? <Text dimColor>v–: KOMBIT's version {numberNotPublished}</Text> : null}
    </Box>
  );
}
