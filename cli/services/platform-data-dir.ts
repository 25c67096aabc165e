import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `.klarmeld/platform` in the project (git-ignored), unless `--data DIR` says otherwise. */
export function platformDataDir(data: string | undefined): string {
  return data ? resolve(data) : fileURLToPath(new URL('../../.klarmeld/platform', import.meta.url));
}
