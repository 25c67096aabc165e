import { chmod, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from './load-catalog.ts';
import { keptEntries, loadCatalogCached } from './load-cached.ts';
import { copyValidFixture, editFile } from './test-fixtures/fixture-copy.ts';
import { mistakes } from './test-fixtures/mistakes.ts';
import { tempDirs } from './test-fixtures/temp-dirs.ts';

const temp = tempDirs();
const setup = async () => ({
  dir: temp.removeAfter(await copyValidFixture()),
  cacheDir: await temp.make('klarmeld-cache-'),
});

describe('loadCatalogCached', () => {
  it('gives the second start the very result of a full load, from the cache', async () => {
    const { dir, cacheDir } = await setup();
    const first = await loadCatalogCached({ dir, cacheDir });
    const second = await loadCatalogCached({ dir, cacheDir });
    expect([first.cache, second.cache]).toEqual(['miss', 'hit']);
    const { catalog, problems } = await loadCatalog(dir);
    expect(second.catalog).toStrictEqual(catalog);
    expect(second.problems).toStrictEqual(problems);
    expect(catalog.integrations.length).toBeGreaterThan(0);
  });

  it('loads again when a data file changes, and answers with the change', async () => {
    const { dir, cacheDir } = await setup();
    await loadCatalogCached({ dir, cacheDir });
    await editFile(dir, 'systems.yaml', 'name: Jobcenter Plus', 'name: Jobcenter Plus II');
    const after = await loadCatalogCached({ dir, cacheDir });
    expect(after.cache).toBe('miss');
    expect(after.catalog.systems.map((s) => s.name)).toContain('Jobcenter Plus II');
    expect((await loadCatalogCached({ dir, cacheDir })).cache).toBe('hit');
  });

  it("loads again after an edit that keeps the file's size and modification time (as an npm install leaves them)", async () => {
    const { dir, cacheDir } = await setup();
    await loadCatalogCached({ dir, cacheDir });
    const file = join(dir, 'systems.yaml');
    const { mtime, size } = await stat(file);
    await editFile(dir, 'systems.yaml', 'name: Jobcenter Plus', 'name: Jobcenter Plys');
    await utimes(file, mtime, mtime);
    expect((await stat(file)).size).toBe(size);
    const after = await loadCatalogCached({ dir, cacheDir });
    expect(after.cache).toBe('miss');
    expect(after.catalog.systems.map((s) => s.name)).toContain('Jobcenter Plys');
  });

  it('loads again when a file is added or removed', async () => {
    const { dir, cacheDir } = await setup();
    const before = await loadCatalogCached({ dir, cacheDir });
    const integration = join(dir, 'integrations', 'SF1520.yaml');
    const text = await readFile(integration, 'utf8');
    await rm(integration);
    const removed = await loadCatalogCached({ dir, cacheDir });
    expect(removed.cache).toBe('miss');
    expect(removed.catalog.integrations.length).toBe(before.catalog.integrations.length - 1);
    await writeFile(integration, text);
    await writeFile(join(dir, 'unknown.yaml'), 'x: 1\n');
    const added = await loadCatalogCached({ dir, cacheDir });
    expect(added.cache).toBe('miss');
    expect(added.problems.map((p) => `${p.name} ${p.file}`)).toContain('unknown-file unknown.yaml');
  });

  it('gives a catalogue with a mistake the same file, line and field from the cache', async () => {
    for (const mistake of mistakes) {
      const { dir, cacheDir } = await setup();
      await editFile(dir, mistake.file, mistake.from, mistake.to);
      const plain = await loadCatalog(dir);
      expect(plain.problems.length).toBeGreaterThan(0);
      await loadCatalogCached({ dir, cacheDir });
      const cached = await loadCatalogCached({ dir, cacheDir });
      expect(cached.cache).toBe('hit');
      expect(cached.problems).toStrictEqual(plain.problems);
      expect(cached.problems.some((p) => p.name === mistake.name && p.file === mistake.file && p.line)).toBe(true);
    }
  });

  it('loads in full from a damaged cache entry, and mends it', async () => {
    const { dir, cacheDir } = await setup();
    await loadCatalogCached({ dir, cacheDir });
    const [entry] = await readdir(cacheDir);
    await writeFile(join(cacheDir, entry!), 'not a cache entry');
    const damaged = await loadCatalogCached({ dir, cacheDir });
    expect(damaged.cache).toBe('miss');
    expect(damaged.catalog).toStrictEqual((await loadCatalog(dir)).catalog);
    expect((await loadCatalogCached({ dir, cacheDir })).cache).toBe('hit');
  });

  it('still loads when the cache folder cannot be written', async () => {
    const { dir, cacheDir } = await setup();
    const blocked = join(cacheDir, 'a-file');
    await writeFile(blocked, '');
    await chmod(blocked, 0o400);
    const result = await loadCatalogCached({ dir, cacheDir: join(blocked, 'cache') });
    expect(result.cache).toBe('miss');
    expect(result.catalog).toStrictEqual((await loadCatalog(dir)).catalog);
  });

  it('keeps the newest entries only, however many catalogue folders it has seen', async () => {
    const { dir: first, cacheDir } = await setup();
    await loadCatalogCached({ dir: first, cacheDir });
    for (let i = 0; i < keptEntries; i++) {
      const { dir } = await setup();
      await loadCatalogCached({ dir, cacheDir });
    }
    expect(await readdir(cacheDir)).toHaveLength(keptEntries);
    const { dir: newest } = await setup();
    await loadCatalogCached({ dir: newest, cacheDir });
    expect((await loadCatalogCached({ dir: newest, cacheDir })).cache).toBe('hit');
    expect((await loadCatalogCached({ dir: first, cacheDir })).cache).toBe('miss');
  });

  it('without a cache folder is a plain load', async () => {
    const { dir } = await setup();
    const result = await loadCatalogCached({ dir });
    expect(result.cache).toBe('off');
    expect(result.catalog).toStrictEqual((await loadCatalog(dir)).catalog);
  });

  it('reports a missing catalogue folder as loadCatalog does, without caching it', async () => {
    const { dir, cacheDir } = await setup();
    const missing = join(dir, 'no-such-folder');
    const result = await loadCatalogCached({ dir: missing, cacheDir });
    expect(result.problems.map((p) => p.name)).toEqual(['missing-data']);
    expect(await readdir(cacheDir)).toEqual([]);
  });
});
