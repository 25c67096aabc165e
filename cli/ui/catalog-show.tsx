import { Box, Text } from 'ink';
import type { IntegrationDetails } from '../services/catalog-views.ts';
import { versionHeading, versionNumber } from './version-number.ts';

const list = (items: readonly string[]) => (items.length ? items.join(', ') : '–');

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box>
      <Box width={18} flexShrink={0}><Text dimColor>{label}</Text></Box>
      <Box flexGrow={1}><Text>{children}</Text></Box>
    </Box>
  );
}

/** `klarmeld catalog show <id>`: one integration, its versions and the services of each. */
export function CatalogShowView({ details }: { details: IntegrationDetails }) {
  const { integration: i, current, dependents } = details;
  return (
    <Box flexDirection="column">
      <Text bold><Text color="cyan">{i.id}</Text> {i.title}</Text>
      {i.titleEn ? <Text dimColor>{i.titleEn}</Text> : null}
      {i.purpose ? <Text>{i.purpose}</Text> : null}
      <Box flexDirection="column" marginTop={1}>
        <Field label="platform">{i.platform ?? '–'}</Field>
        <Field label="kind / pattern">{[i.kind, i.pattern, i.direction].filter(Boolean).join(', ') || '–'}</Field>
        <Field label="public info">{i.publicInformation}</Field>
        <Field label="SKI 02.19">{i.ski0219 ? 'ja' : 'nej'}</Field>
        <Field label="current version">{current ? `${versionNumber(current)} (${current.lifecycle})` : '–'}</Field>
        <Field label="prerequisites">{list(i.prerequisites)}</Field>
        {i.replaces.length ? <Field label="replaces">{list(i.replaces)}</Field> : null}
        {i.replacedBy.length ? <Field label="replaced by">{list(i.replacedBy)}</Field> : null}
        <Field label="needed by">{list(dependents.integrations)}</Field>
        <Field label="in packages">{list(dependents.packages)}</Field>
      </Box>
      {i.versions.map((v, index) => (
        <Box key={v.version ?? `unnumbered-${index}`} flexDirection="column" marginTop={1}>
          <Text bold>{versionHeading(v)} <Text dimColor>{v.lifecycle}{v.validFrom ? ` from ${v.validFrom}` : ''}</Text></Text>
          {v.services.map((s) => (
            <Box key={`${s.name}-${s.version}`} flexDirection="column" marginLeft={2}>
              <Text>{s.name} v{s.version} <Text dimColor>{s.protocol}, {s.security.join(' / ')}</Text></Text>
              {s.serviceUuid ? <Text dimColor>  ServiceUUID {s.serviceUuid}</Text> : null}
              {s.operations.length ? <Text dimColor>  operations: {s.operations.map((o) => o.name).join(', ')}</Text> : null}
            </Box>
          ))}
        </Box>
      ))}
      {i.notes ? <Box marginTop={1}><Text italic>{i.notes}</Text></Box> : null}
    </Box>
  );
}
