import { Box, Text } from 'ink';
import type { CatalogCheck } from '../services/catalog-check.ts';
import { CatalogProblems } from './catalog-problems.tsx';

const breakdown = (counts: Record<string, number>) =>
  Object.entries(counts).map(([name, n]) => `${name} ${n}`).join(', ');

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `klarmeld catalog check`: what the catalogue holds, then every problem, then the verdict. */
export function CatalogCheckView({ check }: { check: CatalogCheck }) {
  const s = check.summary;
  return (
    <Box flexDirection="column">
      <Text bold>Catalogue {check.dir}</Text>
      <Box flexDirection="column" marginLeft={2}>
        <Text>{s.integrations} integrations{s.integrations ? ` (${breakdown(s.byPlatform)})` : ''}</Text>
        {s.integrations ? <Text dimColor>  current version: {breakdown(s.byLifecycle)}</Text> : null}
        <Text>{s.areas} service areas, {s.useCases} use cases, {s.packages} integration packages</Text>
        <Text>{s.suppliers} suppliers, {s.systems} SKI systems</Text>
        <Text>{s.municipalities} municipalities (+{s.testMunicipalities} test), {s.statuses} onboarding statuses</Text>
      </Box>
      <CatalogProblems problems={check.problems} />
      <Box marginTop={1}>
        {check.valid ? (
          <Text color="green">✓ The catalogue is valid{check.warnings ? ` (${plural(check.warnings, 'warning')})` : ''}.</Text>
        ) : (
          <Text color="red">✗ {plural(check.errors, 'error')}{check.warnings ? `, ${plural(check.warnings, 'warning')}` : ''} in {plural(new Set(check.problems.map((p) => p.file)).size, 'file')}.</Text>
        )}
      </Box>
    </Box>
  );
}
