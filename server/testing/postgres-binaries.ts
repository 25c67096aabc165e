/**
 * Where the PostgreSQL server binaries are. Debian keeps them off PATH under
 * /usr/lib/postgresql/<major>/bin (`.ci/run` installs the `postgresql` package when they are
 * missing); elsewhere `initdb` and `postgres` may be on PATH.
 */
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface PostgresBinaries {
  /** The folder holding `initdb` and `postgres`. */
  dir: string;
  initdb: string;
  postgres: string;
}

const debianRoot = '/usr/lib/postgresql';

function inFolder(dir: string): PostgresBinaries | undefined {
  const initdb = join(dir, 'initdb');
  const postgres = join(dir, 'postgres');
  return existsSync(initdb) && existsSync(postgres) ? { dir, initdb, postgres } : undefined;
}

/** The newest Debian PostgreSQL, else the first folder on PATH that has both binaries; undefined when none. */
export function findPostgresBinaries(
  env: NodeJS.ProcessEnv = process.env,
  root = debianRoot,
): PostgresBinaries | undefined {
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const major of majors) {
    const found = inFolder(join(root, major, 'bin'));
    if (found) return found;
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const found = inFolder(dir);
    if (found) return found;
  }
  return undefined;
}

/**
 * Why PostgreSQL tests cannot run here, or undefined when they can. Only missing binaries are a
 * reason to skip: CI installs them (.ci/run), so a skip there would hide a broken setup.
 */
export function postgresSkipReason(env: NodeJS.ProcessEnv = process.env, root = debianRoot): string | undefined {
  return findPostgresBinaries(env, root)
    ? undefined
    : `no PostgreSQL server binaries (initdb, postgres) under ${root}/*/bin or on PATH; install Debian's postgresql package (.ci/run does)`;
}
