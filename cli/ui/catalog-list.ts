import { createElement as h } from 'react';
import { Box, Text } from 'ink';
import type { IntegrationRow } from '../services/catalog-views.ts';
import { numberNotPublished } from './version-number.ts';

const lifecycleColour: Record<string, string> = {
  'I drift': 'green',
  Kommende: 'cyan',
  Udfases: 'yellow',
  Udfaset: 'gray',
};

/** `klarmeld catalog list`: one line per integration. */
export function CatalogListView({ rows, area }: { rows: IntegrationRow[]; area?: string }) {
  return h(
    Box,
    { flexDirection: 'column' },
    h(Text, { bold: true }, rows.length, ' integrations', area ? ` required or offered in ${area}` : ''),
    rows.map((r) =>
      h(
        Box,
        { key: r.id },
        h(Box, { width: 12, flexShrink: 0 }, h(Text, { color: 'cyan' }, r.id)),
        h(
          Box,
          { width: 14, flexShrink: 0 },
          h(
            Text,
            { color: lifecycleColour[r.lifecycle ?? ''] ?? 'gray' },
            r.lifecycle ? `v${r.currentVersion ?? '–'} ${r.lifecycle}` : '–',
          ),
        ),
        h(
          Box,
          { flexGrow: 1 },
          h(
            Text,
            { wrap: 'truncate-end' },
            r.title,
            r.publicInformation === 'kun-titel' ? ' (kun titel offentlig)' : '',
          ),
        ),
      ),
    ),
    rows.some((r) => r.lifecycle && r.currentVersion === undefined)
      ? h(Text, { dimColor: true }, "v–: KOMBIT's version ", numberNotPublished)
      : null,
  );
}
