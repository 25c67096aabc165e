import { createElement as h } from 'react';
import { Box, Text } from 'ink';
import type { RequiredView } from '../services/catalog-views.ts';

type Row = RequiredView['required'][number];

function Line({ r }: { r: Row }) {
  return h(
    Box,
    null,
    h(Box, { width: 12, flexShrink: 0 }, h(Text, { color: 'cyan' }, r.integration)),
    h(Box, { width: 16, flexShrink: 0 }, h(Text, { dimColor: true }, r.package ?? '–', ' ', r.useCase)),
    h(Box, { flexGrow: 1 }, h(Text, { wrap: 'truncate-end' }, r.title ?? '', r.via ? ` (needed by ${r.via})` : '')),
  );
}

/** `klarmeld catalog required <system>`: mandatory, then supplementary, then declared exceptions. */
export function CatalogRequiredView({ view }: { view: RequiredView }) {
  const mandatory = view.required.filter((r) => r.level === 'mandatory');
  const supplementary = view.required.filter((r) => r.level === 'supplementary');
  return h(
    Box,
    { flexDirection: 'column' },
    h(
      Text,
      { bold: true },
      view.system.name,
      ' ',
      h(Text, { dimColor: true }, '(', view.system.id, ', ', view.system.areas.join(', '), ')'),
    ),
    (['mandatory', 'supplementary'] as const).map((level) => {
      const packages = view.packages.filter((p) => p.level === level);
      return packages.length === 0
        ? null
        : h(
            Box,
            { key: level, flexDirection: 'column', marginTop: 1 },
            h(
              Text,
              { bold: true },
              level === 'mandatory' ? 'Obligatoriske' : 'Supplerende',
              ' integrationer (KOMBIT skøn)',
            ),
            packages.map((p) => h(Text, { key: p.id }, '  ', p.id, ' ', p.title)),
          );
    }),
    view.required.some((r) => r.packageNotGiven)
      ? h(Text, { dimColor: true }, '–: the sources require the integration without naming the package that holds it.')
      : null,
    h(
      Box,
      { flexDirection: 'column', marginTop: 1 },
      h(Text, { bold: true }, mandatory.length, ' mandatory'),
      mandatory.map((r) => h(Line, { key: r.integration, r: r })),
    ),
    h(
      Box,
      { flexDirection: 'column', marginTop: 1 },
      h(Text, { bold: true }, supplementary.length, ' supplementary'),
      supplementary.map((r) => h(Line, { key: r.integration, r: r })),
    ),
    view.excepted.length
      ? h(
          Box,
          { flexDirection: 'column', marginTop: 1 },
          h(Text, { bold: true }, view.excepted.length, ' declared exceptions'),
          view.excepted.map((r) =>
            h(Text, { key: r.integration }, h(Text, { color: 'yellow' }, r.integration), ' ', r.reason),
          ),
        )
      : null,
  );
}
