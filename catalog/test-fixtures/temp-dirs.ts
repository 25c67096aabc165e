import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * Temporary directories for the tests of one file, removed after each test. Call it at the top
 * of the file or a describe (it registers the `afterEach` that removes them). It lives beside the
 * catalogue's fixtures because every test folder may import catalog/ (architecture/boundaries.ts).
 */
export function tempDirs() {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  /** Removes a directory made elsewhere (e.g. a copy of a fixture) after the test too. */
  const removeAfter = (dir: string): string => {
    dirs.push(dir);
    return dir;
  };
  /** A new empty directory under the system's temp directory, its name starting with `prefix`. */
  const make = async (prefix: string): Promise<string> => removeAfter(await mkdtemp(join(tmpdir(), prefix)));
  return { make, removeAfter };
}
