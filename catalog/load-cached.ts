import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { catalogueInputsKey } from './catalog-inputs-key.ts';
import { defaultDataDir, loadCatalog, type LoadResult } from './load-catalog.ts';

export interface CachedLoadOptions {
  /** The catalogue directory; default the shipped one. */
  dir?: string;
  /** Where to keep the cached result (the user's cache folder); undefined: no cache, a plain loadCatalog. */
  cacheDir?: string | undefined;
}

export interface CachedLoadResult extends LoadResult {
  /** hit: the result of an earlier load of exactly these files by exactly this loader; miss: loaded now (and stored). */
  cache: 'hit' | 'miss' | 'off';
}

/**
 * loadCatalog, remembered: the catalogue's parse and validation (~0.1 s of every `klarmeld test`
 * start, issue 15) is a pure function of the data files and of klarmeld's own loader, so its
 * result is stored under a digest of both (catalogueInputsKey) and reused while neither changes.
 * Any change to a data file, a file added or removed, or another klarmeld or zod version loads
 * and validates the catalogue again. The whole result is kept, problems included, so a catalogue
 * with a mistake gets the same file, line and field as without the cache. The cache only saves
 * time: a folder that cannot be read or written, or a damaged entry, means a plain load.
 */
export async function loadCatalogCached(options: CachedLoadOptions = {}): Promise<CachedLoadResult> {
  const dir = options.dir ?? defaultDataDir();
  if (!options.cacheDir) return { ...(await loadCatalog(dir)), cache: 'off' };
  const key = catalogueInputsKey(dir);
  // One entry per catalogue folder, overwritten when its files change, so the cache does not grow.
  const entry = join(options.cacheDir, `catalogue-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}.v8`);
  const cached = key ? await readEntry(entry, key) : undefined;
  if (cached) return { ...cached, cache: 'hit' };
  const result = await loadCatalog(dir);
  // Stored only when the files did not change while they were loaded: the key must describe what was read.
  if (key && key === catalogueInputsKey(dir)) await writeEntry(options.cacheDir, entry, key, result);
  return { ...result, cache: 'miss' };
}

/**
 * Entries kept: one per catalogue folder, and each install of klarmeld (a supplier's project, a
 * test's temporary one) has its own, so the oldest beyond these are removed when one is written.
 */
export const keptEntries = 8;

interface Entry {
  key: string;
  result: LoadResult;
}

async function readEntry(file: string, key: string): Promise<LoadResult | undefined> {
  try {
    const entry = deserialize(await readFile(file)) as Partial<Entry> | undefined;
    return entry?.key === key && entry.result ? entry.result : undefined;
  } catch {
    return undefined;
  }
}

async function writeEntry(cacheDir: string, file: string, key: string, result: LoadResult): Promise<void> {
  // Written beside and renamed into place, so a concurrent klarmeld never reads half an entry.
  const partial = `${file}.${process.pid}.${Date.now()}.partial`;
  try {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(partial, serialize({ key, result } satisfies Entry));
    await rename(partial, file);
    await keepNewest(cacheDir, keptEntries);
  } catch {
    // A cache folder klarmeld may not write to costs the next start the same load, nothing more.
    await rm(partial, { force: true }).catch(() => undefined);
  }
}

async function keepNewest(cacheDir: string, count: number): Promise<void> {
  const names = (await readdir(cacheDir)).filter((name) => /^catalogue-[0-9a-f]+\.v8$/.test(name));
  if (names.length <= count) return;
  const dated = await Promise.all(
    names.map(async (name) => ({ name, at: (await stat(join(cacheDir, name)).catch(() => undefined))?.mtimeMs ?? 0 })),
  );
  const old = dated.sort((a, b) => b.at - a.at).slice(count);
  await Promise.all(old.map(({ name }) => rm(join(cacheDir, name), { force: true })));
}
