import { createElement as h } from 'react';
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { IntegrationDetails } from '../services/catalog-views.ts';
import { versionHeading, versionNumber } from './version-number.ts';

const list = (items: readonly string[]) => (items.length ? items.join(', ') : '–');

function Field({ label, children }: { label: string; children?: ReactNode }) {
  return h(
    Box,
    null,
    h(Box, { width: 18, flexShrink: 0 }, h(Text, { dimColor: true }, label)),
    h(Box, { flexGrow: 1 }, h(Text, null, children)),
  );
}

/** `klarmeld catalog show <id>`: one integration, its versions and the services of each. */
export function CatalogShowView({ details }: { details: IntegrationDetails }) {
  const { integration: i, current, dependents } = details;
  return h(
    Box,
    { flexDirection: 'column' },
    h(Text, { bold: true }, h(Text, { color: 'cyan' }, i.id), ' ', i.title),
    i.titleEn ? h(Text, { dimColor: true }, i.titleEn) : null,
    i.purpose ? h(Text, null, i.purpose) : null,
    h(
      Box,
      { flexDirection: 'column', marginTop: 1 },
      h(Field, { label: 'platform' }, i.platform ?? '–'),
      h(Field, { label: 'kind / pattern' }, [i.kind, i.pattern, i.direction].filter(Boolean).join(', ') || '–'),
      h(Field, { label: 'public info' }, i.publicInformation),
      h(Field, { label: 'SKI 02.19' }, i.ski0219 ? 'ja' : 'nej'),
      h(Field, { label: 'current version' }, current ? `${versionNumber(current)} (${current.lifecycle})` : '–'),
      h(Field, { label: 'prerequisites' }, list(i.prerequisites)),
      i.replaces.length ? h(Field, { label: 'replaces' }, list(i.replaces)) : null,
      i.replacedBy.length ? h(Field, { label: 'replaced by' }, list(i.replacedBy)) : null,
      h(Field, { label: 'needed by' }, list(dependents.integrations)),
      h(Field, { label: 'in packages' }, list(dependents.packages)),
    ),
    i.versions.map((v, index) =>
      h(
        Box,
        { key: v.version ?? `unnumbered-${index}`, flexDirection: 'column', marginTop: 1 },
        h(
          Text,
          { bold: true },
          versionHeading(v),
          ' ',
          h(Text, { dimColor: true }, v.lifecycle, v.validFrom ? ` from ${v.validFrom}` : ''),
        ),
        v.services.map((s) =>
          h(
            Box,
            { key: `${s.name}-${s.version}`, flexDirection: 'column', marginLeft: 2 },
            h(
              Text,
              null,
              s.name,
              ' v',
              s.version,
              ' ',
              h(Text, { dimColor: true }, s.protocol, ', ', s.security.join(' / ')),
            ),
            s.serviceUuid ? h(Text, { dimColor: true }, '  ServiceUUID ', s.serviceUuid) : null,
            s.operations.length
              ? h(Text, { dimColor: true }, '  operations: ', s.operations.map((o) => o.name).join(', '))
              : null,
          ),
        ),
      ),
    ),
    i.notes ? h(Box, { marginTop: 1 }, h(Text, { italic: true }, i.notes)) : null,
  );
}
