import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { klarmeld } from './testing/klarmeld.ts';
import { tempDirs } from '../catalog/test-fixtures/temp-dirs.ts';

const temp = tempDirs();

describe('klarmeld exit codes', () => {
  it('exits 2 with a hint for an unknown command', async () => {
    const { exit, stderr } = await klarmeld('nonsense');
    expect(exit).toBe(2);
    expect(stderr).toContain('klarmeld --help');
  });

  it('exits 70 with one readable line, not 1 and a stack trace, when a command fails unexpectedly', async () => {
    const dir = await temp.make('klarmeld-main-');
    const { exit, stderr } = await klarmeld(
      'sheet',
      'export',
      '--sheet',
      join(dir, 'sheet.sqlite'),
      '--xlsx',
      join(dir, 'missing', 'x.xlsx'),
    );
    expect(exit).toBe(70);
    expect(stderr).toMatch(/^klarmeld stopped on an unexpected error: ENOENT/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
