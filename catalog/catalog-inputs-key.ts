import { createHash, type Hash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The libraries whose behaviour decides what loadCatalog returns (parsing and the schema). */
const libraries = ['zod', 'js-yaml', 'yaml'];

/**
 * A digest of everything loadCatalog's result depends on: every file under the catalogue folder
 * (its path and content, notes included, so nothing it reads can change unseen), the loader's own
 * source (every TypeScript file of catalog/ but its data, contracts and tests), the versions of
 * the libraries it parses and validates with, and V8's (the cache's serialisation). Undefined
 * when the folder cannot be read: that load is reported, not cached.
 */
export async function catalogueInputsKey(dataDir: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  const data = await filesUnder(dataDir, () => true).catch(() => undefined);
  if (!data) return undefined;
  await addFiles(hash, 'data', dataDir, data);
  const catalogDir = fileURLToPath(new URL('.', import.meta.url));
  const code = await filesUnder(catalogDir, isLoaderSource);
  await addFiles(hash, 'code', catalogDir, code);
  for (const library of libraries) hash.update(`library\0${library}\0${await libraryVersion(library)}\0`);
  hash.update(`v8\0${process.versions.v8}\0`);
  return hash.digest('hex');
}

const skippedFolders = new Set(['data', 'contracts', 'test-fixtures', 'testing']);

function isLoaderSource(path: string): boolean {
  const parts = path.split('/');
  return path.endsWith('.ts') && !path.endsWith('.test.ts') && !parts.slice(0, -1).some((p) => skippedFolders.has(p));
}

/** Paths relative to `dir`, with forward slashes, sorted so the digest does not depend on directory order. */
async function filesUnder(dir: string, keep: (path: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter(keep)
    .sort();
}

async function addFiles(hash: Hash, label: string, dir: string, files: string[]): Promise<void> {
  const contents = await Promise.all(files.map((file) => readFile(join(dir, file))));
  // Lengths before contents, so that no two different sets of files give the same byte stream.
  files.forEach((file, i) => hash.update(`${label}\0${file}\0${contents[i]!.length}\0`).update(contents[i]!));
}

async function libraryVersion(name: string): Promise<string> {
  try {
    const entry = fileURLToPath(import.meta.resolve(name));
    const marker = `${sep}node_modules${sep}${name.split('/').join(sep)}${sep}`;
    const at = entry.lastIndexOf(marker);
    if (at < 0) return '?';
    const root = entry.slice(0, at + marker.length);
    return (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}
