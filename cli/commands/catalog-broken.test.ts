import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyValidFixture, editFile } from '../../catalog/test-fixtures/fixture-copy.ts';
import { mistakes } from '../../catalog/test-fixtures/mistakes.ts';
import { main } from '../main.ts';

describe('klarmeld catalog check on a broken copy of the catalogue', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  for (const mistake of mistakes) {
    it(`exits 1 and reports ${mistake.name} in ${mistake.file}`, async () => {
      const dir = await copyValidFixture();
      dirs.push(dir);
      await editFile(dir, mistake.file, mistake.from, mistake.to);
      const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      const exit = await main(['catalog', 'check', '--json', '--dir', dir]);
      const json = JSON.parse(out.mock.calls.map((c) => String(c[0])).join(''));
      expect(exit).toBe(1);
      expect(json.valid).toBe(false);
      expect(json.problems).toMatchObject([{ name: mistake.name, file: mistake.file, ...(mistake.path && { path: mistake.path }) }]);
    });
  }
});
