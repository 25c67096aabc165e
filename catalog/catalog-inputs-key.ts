import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
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
 *
 * Synchronous on purpose: it runs at the start of `klarmeld test`, when nothing else is waiting,
 * and ~190 small files read one after another in one pass cost less than a promise and a round
 * trip through libuv's thread pool each (wall 19–28 → 12–17 ms, CPU 10–12 → 7–8 ms, cold).
 * Contents, not modification times: an npm install gives every file the same fixed mtime.
 */
export function catalogueInputsKey(dataDir: string): string | undefined {
  const hash = createHash('sha256');
  let data: string[];
  try {
    data = filesUnder(dataDir, () => true);
  } catch {
    return undefined;
  }
  addFiles(hash, 'data', dataDir, data);
  const catalogDir = fileURLToPath(new URL('.', import.meta.url));
  addFiles(hash, 'code', catalogDir, filesUnder(catalogDir, isLoaderSource));
  for (const library of libraries) hash.update(`library\0${library}\0${libraryVersion(library)}\0`);
  hash.update(`v8\0${process.versions.v8}\0`);
  return hash.digest('hex');
}

const skippedFolders = new Set(['data', 'contracts', 'test-fixtures', 'testing']);

function isLoaderSource(path: string): boolean {
  const parts = path.split('/');
  return path.endsWith('.ts') && !path.endsWith('.test.ts') && !parts.slice(0, -1).some((p) => skippedFolders.has(p));
}

/** Paths relative to `dir`, with forward slashes, sorted so the digest does not depend on directory order. */
function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter(keep)
    .sort();
}

function addFiles(hash: Hash, label: string, dir: string, files: string[]): void {
  for (const file of files) {
    const content = readFileSync(join(dir, file));
    // Lengths before contents, so that no two different sets of files give the same byte stream.
    hash.update(`${label}\0${file}\0${content.length}\0`).update(content);
  }
}

function libraryVersion(name: string): string {
  try {
    const entry = fileURLToPath(import.meta.resolve(name));
    const marker = `${sep}node_modules${sep}${name.split('/').join(sep)}${sep}`;
    const at = entry.lastIndexOf(marker);
    if (at < 0) return '?';
    const root = entry.slice(0, at + marker.length);
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}
