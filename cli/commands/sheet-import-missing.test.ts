import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { klarmeld } from '../testing/klarmeld.ts';

const temp = tempDirs();

it('says a workbook that is not there is not there (usage, exit 2), as sheet record does for a run, not "unexpected error" (exit 70)', async () => {
  const dir = await temp.make('sheet-import-missing-');
  const workbook = join(dir, 'kombit.xlsx');
  const { exit, stderr } = await klarmeld('sheet', 'import', workbook, '--sheet', join(dir, 'sheet.sqlite'));
  expect(exit).toBe(2);
  expect(stderr).toContain(`There is no workbook at ${workbook}. Check the path`);
  expect(stderr).not.toMatch(/unexpected error/);
  expect(existsSync(join(dir, 'sheet.sqlite'))).toBe(false);
});
