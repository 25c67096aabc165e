import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder where klarmeld keeps what it can always make again (the checked catalogue): the
 * user's cache folder as each system names it, or KLARMELD_CACHE_DIR; KLARMELD_CACHE_DIR=off
 * turns the cache off. Undefined when there is none (no home folder known).
 */
export function userCacheDir(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
  home: () => string = homedir,
): string | undefined {
  const chosen = env.KLARMELD_CACHE_DIR;
  if (chosen === 'off') return undefined;
  if (chosen) return chosen;
  if (platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'klarmeld', 'Cache');
  if (env.XDG_CACHE_HOME && platform !== 'darwin') return join(env.XDG_CACHE_HOME, 'klarmeld');
  let dir: string;
  try {
    dir = home();
  } catch {
    return undefined;
  }
  if (!dir) return undefined;
  return platform === 'darwin' ? join(dir, 'Library', 'Caches', 'klarmeld') : join(dir, '.cache', 'klarmeld');
}
