import { join } from 'node:path';
import { expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { testCatalog } from './testing/test-catalog.ts';
import { readWorkbook } from './xlsx-import.ts';

const temp = tempDirs();

it('reports a workbook that is not there as unreadable, instead of an uncaught error and a read that never ends', async () => {
  const file = join(await temp.make('xlsx-missing-'), 'kombit.xlsx');
  const content = await readWorkbook(file, await testCatalog());
  expect(content.cells).toEqual([]);
  expect(content.problems).toEqual([
    expect.objectContaining({
      code: 'workbook-unreadable',
      message: expect.stringContaining(`${file} is not an Excel workbook (.xlsx) that can be read: ENOENT`),
    }),
  ]);
});
