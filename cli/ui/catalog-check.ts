import { createElement as h } from 'react';
import { Box, Text } from 'ink';
import type { CatalogCheck } from '../services/catalog-check.ts';
import { summaryLines, verdict } from './catalog-check-text.ts';
import { CatalogProblems } from './catalog-problems.ts';

/** `klarmeld catalog check` in a terminal: what the catalogue holds, then every problem, then the verdict. */
export function CatalogCheckView({ check }: { check: CatalogCheck }) {
  return h(
    Box,
    { flexDirection: 'column' },
    h(Text, { bold: true }, 'Catalogue ', check.dir),
    h(
      Box,
      { flexDirection: 'column', marginLeft: 2 },
      summaryLines(check).map((line) => h(Text, { key: line }, line)),
    ),
    h(CatalogProblems, { problems: check.problems }),
    h(Box, { marginTop: 1 }, h(Text, { color: check.valid ? 'green' : 'red' }, verdict(check))),
  );
}
