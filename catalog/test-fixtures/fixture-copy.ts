import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The small valid catalogue the tests break on purpose, one mistake at a time. */
export const validFixture = fileURLToPath(new URL('./valid', import.meta.url));

/** Copies the valid fixture into a fresh temp directory and returns its path. */
export async function copyValidFixture(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'klarmeld-catalog-'));
  await cp(validFixture, dir, { recursive: true });
  return dir;
}

/** Replaces one exact piece of text in a fixture file; fails loudly if the text is not there. */
export async function editFile(dir: string, file: string, from: string, to: string): Promise<string> {
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  const edited = text.replace(from, to);
  await writeFile(path, edited);
  return edited;
}

/** The 1-based line on which `needle` first occurs. */
export function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`text does not contain ${JSON.stringify(needle)}`);
  return text.slice(0, index).split('\n').length;
}
