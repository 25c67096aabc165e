import { createElement as h } from 'react';
import { Box, Text } from 'ink';
import { groupByFile, type CatalogProblem } from '../../catalog/index.ts';
import { location } from './catalog-check-text.ts';

/** Problems grouped per file: position, code, field, what is wrong, and how to fix it. */
export function CatalogProblems({ problems }: { problems: CatalogProblem[] }) {
  return h(
    Box,
    { flexDirection: 'column' },
    groupByFile(problems).map(({ file, problems: list }) =>
      h(
        Box,
        { key: file, flexDirection: 'column', marginTop: 1 },
        h(Text, { bold: true, underline: true }, file),
        list.map((p, i) =>
          h(
            Box,
            { key: i, flexDirection: 'column', marginLeft: 2 },
            h(
              Text,
              null,
              h(Text, { color: p.severity === 'error' ? 'red' : 'yellow' }, p.severity === 'error' ? '✗' : '!', ' '),
              h(Text, { dimColor: true }, location(p), ' '),
              h(Text, { color: 'cyan' }, p.code, ' ', p.name),
              p.path ? h(Text, null, ' at ', h(Text, { bold: true }, p.path)) : null,
            ),
            h(
              Box,
              { marginLeft: 4, flexDirection: 'column' },
              h(Text, null, p.message),
              h(Text, { color: 'green' }, 'Fix: ', p.fix),
            ),
          ),
        ),
      ),
    ),
  );
}
