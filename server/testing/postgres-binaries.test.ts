import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { findPostgresBinaries, postgresSkipReason } from './postgres-binaries.ts';

const temp = tempDirs();
const withBinaries = (dir: string, names = ['initdb', 'postgres']) => {
  mkdirSync(dir, { recursive: true });
  for (const name of names) writeFileSync(join(dir, name), '');
  return dir;
};

describe('findPostgresBinaries', () => {
  it('takes the newest Debian major version (numerically: 16 before 9), then PATH, and needs both initdb and postgres', async () => {
    const root = await temp.make('pg-root-');
    withBinaries(join(root, '9', 'bin'));
    withBinaries(join(root, '16', 'bin'));
    withBinaries(join(root, '17', 'bin'), ['initdb']);
    expect(findPostgresBinaries({ PATH: '' }, root)?.dir).toBe(join(root, '16', 'bin'));
    const onPath = withBinaries(join(await temp.make('pg-path-'), 'bin'));
    expect(findPostgresBinaries({ PATH: `/nowhere:${onPath}` }, join(root, 'absent'))).toEqual({
      dir: onPath,
      initdb: join(onPath, 'initdb'),
      postgres: join(onPath, 'postgres'),
    });
  });

  it('gives the reason to skip only when no binaries exist, and says how to get them', async () => {
    const empty = await temp.make('pg-none-');
    expect(postgresSkipReason({ PATH: empty }, join(empty, 'absent'))).toMatch(
      /no PostgreSQL server binaries .* install Debian's postgresql package \(\.ci\/run does\)/,
    );
    expect(postgresSkipReason({ PATH: withBinaries(join(empty, 'bin')) }, join(empty, 'absent'))).toBeUndefined();
  });
});
