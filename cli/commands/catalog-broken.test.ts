import { describe, expect, it } from 'vitest';
import { copyValidFixture, editFile } from '../../catalog/test-fixtures/fixture-copy.ts';
import { mistakes } from '../../catalog/test-fixtures/mistakes.ts';
import { klarmeld } from '../testing/klarmeld.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';

describe('klarmeld catalog check on a broken copy of the catalogue', () => {
  const temp = tempDirs();

  for (const mistake of mistakes) {
    it(`exits 1 and reports ${mistake.name} in ${mistake.file}`, async () => {
      const dir = temp.removeAfter(await copyValidFixture());
      await editFile(dir, mistake.file, mistake.from, mistake.to);
      const { exit, stdout } = await klarmeld('catalog', 'check', '--json', '--dir', dir);
      const json = JSON.parse(stdout);
      expect(exit).toBe(1);
      expect(json.valid).toBe(false);
      expect(json.problems).toMatchObject([
        { name: mistake.name, file: mistake.file, ...(mistake.path && { path: mistake.path }) },
      ]);
    });
  }
});
