import { chmodSync, closeSync, existsSync, fchmodSync, openSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

/** Owner read/write only: private keys and the database that holds the evidence-signing key. */
export const secretMode = 0o600;

/**
 * Writes a secret (a private key) readable by its owner alone. `writeFile(…, { mode })` sets the
 * mode only when it creates the file, so a key rewritten over an older, looser file would keep
 * that file's mode: the mode is set on the open file before the secret goes in.
 */
export async function writeSecretFile(path: string, data: string): Promise<void> {
  const file = await open(path, 'w', secretMode);
  try {
    await file.chmod(secretMode);
    await file.writeFile(data);
  } finally {
    await file.close();
  }
}

/**
 * Makes an existing secret file owner-only (a data folder from an older version, or one copied
 * with looser modes). A file that does not exist is created empty with the secret mode, so that
 * SQLite, which gives its -wal and -shm files the main file's mode, never creates it 0644.
 */
export function ensureSecretFile(path: string, options: { create?: boolean } = {}): void {
  if (!existsSync(path)) {
    if (!options.create) return;
    const fd = openSync(path, 'a', secretMode);
    try {
      fchmodSync(fd, secretMode);
    } finally {
      closeSync(fd);
    }
    return;
  }
  if ((statSync(path).mode & 0o777) !== secretMode) chmodSync(path, secretMode);
}

/**
 * Makes every private key the platform wrote under `dataDir` owner-only (`*.key` in ca/, server/,
 * roles/, systems/<uuid>/, callbacks/<uuid>/): a data folder from a version that left them 0644,
 * or one copied with looser modes, is fixed on the next start, including the keys it only hands out.
 */
export function tightenPlatformKeys(dataDir: string): void {
  const keysIn = (dir: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // not created yet
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isFile() && entry.name.endsWith('.key')) ensureSecretFile(path);
      else if (entry.isDirectory() && depth > 0) keysIn(path, depth - 1);
    }
  };
  for (const folder of ['ca', 'server', 'roles']) keysIn(join(dataDir, folder), 0);
  for (const folder of ['systems', 'callbacks']) keysIn(join(dataDir, folder), 1);
}
