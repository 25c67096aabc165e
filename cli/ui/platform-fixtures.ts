import { Fragment, createElement as h } from 'react';
import { Box, Text } from 'ink';
import type { FixtureList } from '../services/platform-fixtures.ts';

/** `klarmeld platform fixtures`: the test persons, units and users of Korsbæk Kommune. */
export function PlatformFixturesView({ fixtures }: { fixtures: FixtureList }) {
  return h(
    Box,
    { flexDirection: 'column' },
    h(
      Text,
      { bold: true },
      fixtures.municipality.name,
      ' (CVR ',
      fixtures.municipality.cvr,
      '): test data on the platform',
    ),
    h(Text, { color: 'gray' }, fixtures.notice),
    h(Text, null, ' '),
    h(Text, { bold: true }, 'Persons (SF1520 PersonLookup)'),
    fixtures.persons.map((p) =>
      h(
        Box,
        { key: p.pnr },
        h(Box, { width: 12, flexShrink: 0 }, h(Text, { color: 'cyan' }, p.pnr)),
        h(Box, { width: 26, flexShrink: 0 }, h(Text, { wrap: 'truncate-end' }, p.name)),
        h(Box, { flexGrow: 1 }, h(Text, { wrap: 'wrap' }, p.special)),
      ),
    ),
    fixtures.units.length > 0 &&
      h(
        Fragment,
        null,
        h(Text, null, ' '),
        h(Text, { bold: true }, 'Organisation units (SF1500)'),
        fixtures.units.map((u) =>
          h(
            Box,
            { key: u.uuid },
            h(Box, { width: 38, flexShrink: 0 }, h(Text, { color: 'cyan' }, u.uuid)),
            h(Box, { flexGrow: 1 }, h(Text, { wrap: 'wrap' }, u.name, u.note ? ` – ${u.note}` : '')),
          ),
        ),
      ),
    fixtures.users.length > 0 &&
      h(
        Fragment,
        null,
        h(Text, null, ' '),
        h(Text, { bold: true }, 'Users (SF1500)'),
        fixtures.users.map((u) =>
          h(
            Box,
            { key: u.uuid },
            h(Box, { width: 38, flexShrink: 0 }, h(Text, { color: 'cyan' }, u.uuid)),
            h(
              Box,
              { flexGrow: 1 },
              h(Text, { wrap: 'wrap' }, [u.userId, u.name].filter(Boolean).join(' '), u.note ? ` – ${u.note}` : ''),
            ),
          ),
        ),
      ),
  );
}
