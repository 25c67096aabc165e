import { Box, Text } from 'ink';
import type { CatalogCheck } from '../services/catalog-check.ts';
import { summaryLines, verdict } from './catalog-check-text.ts';
import { CatalogProblems } from './catalog-problems.tsx';

/** `klarmeld catalog check` in a terminal: what the catalogue holds, then every problem, then the verdict. */
export function CatalogCheckView({ check }: { check: CatalogCheck }) {
  return (
    <Box flexDirection="column">
      <Text bold>Catalogue {check.dir}</Text>
      <Box flexDirection="column" marginLeft={2}>
        {summaryLines(check).map((line) => <Text key={line}>{line}</Text>)}
      </Box>
      <CatalogProblems problems={check.problems} />
      <Box marginTop={1}>
        <Text color={check.valid ? 'green' : 'red'}>{verdict(check)}</Text>
      </Box>
    </Box>
  );
}
