import { Box, Text } from 'ink';
import { groupByFile, type CatalogProblem } from '../../catalog/problems/index.ts';
import { location } from './catalog-check-text.ts';

/** Problems grouped per file: position, code, field, what is wrong, and how to fix it. */
export function CatalogProblems({ problems }: { problems: CatalogProblem[] }) {
  return (
    <Box flexDirection="column">
      {groupByFile(problems).map(({ file, problems: list }) => (
        <Box key={file} flexDirection="column" marginTop={1}>
          <Text bold underline>{file}</Text>
          {list.map((p, i) => (
            <Box key={i} flexDirection="column" marginLeft={2}>
              <Text>
                <Text color={p.severity === 'error' ? 'red' : 'yellow'}>{p.severity === 'error' ? '✗' : '!'} </Text>
                <Text dimColor>{location(p)} </Text>
                <Text color="cyan">{p.code} {p.name}</Text>
                {p.path ? <Text> at <Text bold>{p.path}</Text></Text> : null}
              </Text>
              <Box marginLeft={4} flexDirection="column">
                <Text>{p.message}</Text>
                <Text color="green">Fix: {p.fix}</Text>
              </Box>
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}
