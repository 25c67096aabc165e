import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';

export interface DataFile {
  /** Path relative to the data directory, with forward slashes. */
  file: string;
  text?: string;
  /** Why the file could not be read, when it could not. */
  readError?: string;
}

/** Files in the data directory that are not catalogue data and are skipped (notes for people, editor files). */
const ignored = (name: string) => name.startsWith('.') || name.endsWith('.md');

/**
 * Reads every file under the data directory. Resolves to undefined when the directory does
 * not exist, so the caller can report it as a problem instead of crashing.
 */
export async function readDataFiles(dir: string): Promise<DataFile[] | undefined> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return undefined;
  }
  const files = entries
    .filter((entry) => entry.isFile() && !ignored(entry.name))
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(dir.length + 1)
        .split(sep)
        .join('/'),
    )
    .sort();
  return Promise.all(
    files.map(async (file): Promise<DataFile> => {
      try {
        return { file, text: await readFile(join(dir, file), 'utf8') };
      } catch (error) {
        return { file, readError: (error as Error).message };
      }
    }),
  );
}
