import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../catalog/index.ts';
import { startPlatform } from '../server/start-platform.ts';
import { writeSecretFile } from './secret-file.ts';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** Every private key and the database (which holds the evidence-signing key) under a data folder. */
function secretsUnder(dataDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.key$|platform\.sqlite/.test(entry.name)) found.push(path);
    }
  };
  walk(dataDir);
  return found.sort();
}

describe('secret files of the platform', () => {
  let umask: number | undefined;
  beforeAll(() => {
    // The usual desktop umask: files made without an explicit mode come out 0644.
    try {
      umask = process.umask(0o022);
    } catch {
      umask = undefined;
    }
  });
  afterAll(() => {
    if (umask !== undefined) process.umask(umask);
  });

  it('are 0600 when --data names an existing 0755 folder, and keys or a database left 0644 are tightened', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'klarmeld-modes-')), 'data');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    // A server key written by an older version with a looser mode; it is reissued (no `names` file).
    mkdirSync(join(dataDir, 'server'));
    writeFileSync(join(dataDir, 'server', 'server.key'), 'old', { mode: 0o644 });
    chmodSync(join(dataDir, 'server', 'server.key'), 0o644);
    const { catalog } = await loadCatalog();

    let platform = await startPlatform({ dataDir, port: 0, catalog });
    await platform.admin.addSystem({ name: 'A' });
    await platform.services.pki.serviceCertificate('sts');
    // While it runs, SQLite's -wal and -shm files hold recent writes (the signing key among them).
    expect([modeOf(join(dataDir, 'platform.sqlite-wal')), modeOf(join(dataDir, 'platform.sqlite-shm'))]).toEqual([
      '600',
      '600',
    ]);
    await platform.stop();
    // platform.sqlite(-wal, -shm), ca/ca.key, server/server.key, systems/<uuid>/system.key, roles/sts.key
    const secrets = secretsUnder(dataDir);
    expect(secrets.map((p) => p.slice(dataDir.length + 1).replace(/[0-9a-f-]{36}/, '<uuid>'))).toEqual(
      expect.arrayContaining([
        'ca/ca.key',
        'platform.sqlite',
        'roles/sts.key',
        'server/server.key',
        'systems/<uuid>/system.key',
      ]),
    );
    expect(Object.fromEntries(secrets.map((p) => [p, modeOf(p)]))).toEqual(
      Object.fromEntries(secrets.map((p) => [p, '600'])),
    );

    // A data folder copied with looser modes: the next start makes its secrets owner-only again.
    for (const path of secrets) chmodSync(path, 0o644);
    platform = await startPlatform({ dataDir, port: 0, catalog });
    await platform.services.pki.serviceCertificate('sts');
    await platform.stop();
    expect(Object.fromEntries(secrets.map((p) => [p, modeOf(p)]))).toEqual(
      Object.fromEntries(secrets.map((p) => [p, '600'])),
    );
  });

  it('writeSecretFile makes an existing 0644 file 0600 before writing the secret', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'klarmeld-modes-')), 'callback.key');
    writeFileSync(path, 'old');
    chmodSync(path, 0o644);
    await writeSecretFile(path, 'new key');
    expect(modeOf(path)).toBe('600');
  });
});
