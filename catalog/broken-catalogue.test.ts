import { describe, expect, it } from 'vitest';
import { tempDirs } from './test-fixtures/temp-dirs.ts';
import { loadCatalog } from './load-catalog.ts';
import { copyValidFixture, editFile, lineOf } from './test-fixtures/fixture-copy.ts';
import { mistakes } from './test-fixtures/mistakes.ts';

describe('a broken copy of the catalogue', () => {
  const temp = tempDirs();

  it('starts from a fixture that is valid', async () => {
    const dir = temp.removeAfter(await copyValidFixture());
    expect((await loadCatalog(dir)).problems).toEqual([]);
  });

  for (const mistake of mistakes) {
    it(`reports ${mistake.name} with its file, line and field`, async () => {
      const dir = temp.removeAfter(await copyValidFixture());
      const text = await editFile(dir, mistake.file, mistake.from, mistake.to);
      const { problems } = await loadCatalog(dir);
      // The one mistake yields exactly one problem: no echoes in other files.
      expect(problems.map((p) => `${p.name} ${p.file}`)).toEqual([`${mistake.name} ${mistake.file}`]);
      const [problem] = problems;
      expect(problem!.line).toBe(lineOf(text, mistake.line));
      expect(problem!.column).toBeGreaterThan(0);
      if (mistake.path) expect(problem!.path).toBe(mistake.path);
      expect(problem!.code).toMatch(/^KM-CAT-\d{3}$/);
      expect(problem!.fix.length).toBeGreaterThan(10);
    });
  }

  it('reports every mistake at once, not just the first', async () => {
    const dir = temp.removeAfter(await copyValidFixture());
    for (const m of mistakes.filter((m) => m.file !== 'suppliers.yaml' && m.name !== 'versions-out-of-order')) {
      await editFile(dir, m.file, m.from, m.to);
    }
    const { problems } = await loadCatalog(dir);
    expect(new Set(problems.map((p) => p.name)).size).toBe(mistakes.length - 2);
  });
});
