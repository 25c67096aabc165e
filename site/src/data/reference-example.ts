import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

const listings = new Map<string, Promise<string[]>>();

/** The reference system's files, listed once per build rather than once per integration page. */
function listing(dir: string): Promise<string[]> {
  let files = listings.get(dir);
  if (!files) {
    files = readdir(dir, { recursive: true }).then((names) => names.map(String), () => []);
    listings.set(dir, files);
  }
  return files;
}

/**
 * The reference system's own code calling an integration, if it has a file for it: the
 * first source file under examples/reference-system/ whose name mentions the integration
 * id (e.g. sf1520-client.ts). Real code that passes the suites beats a generated sketch.
 */
export async function referenceExample(dir: string, integrationId: string): Promise<{ file: string; code: string } | undefined> {
  const files = await listing(dir);
  const needle = integrationId.toLowerCase();
  const match = files
    .filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f) && !f.includes('generated') && !f.includes('node_modules'))
    .filter((f) => f.toLowerCase().split('/').pop()!.includes(needle))
    .sort((a, b) => a.length - b.length)[0];
  if (!match) return undefined;
  return { file: relative(join(dir, '..', '..'), join(dir, match)), code: await readFile(join(dir, match), 'utf8') };
}
