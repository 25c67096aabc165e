import { createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { startEmbeddedSession } from './embedded-platform.ts';

let dir: string;
let catalog: Catalog;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klarmeld-embedded-'));
  catalog = (await loadCatalog()).catalog;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const options = (dataDir: string, supplier: string) => ({
  catalog,
  system: { name: 'Fagsystem A', supplier },
  integrations: ['SF1520'],
  municipalityCvr: '11111111',
  callbackUrl: 'https://127.0.0.1:8443/beskedfordeler',
  dataDir,
});

describe('startEmbeddedSession with a Beskedfordeler callback', () => {
  it("gives the system a server certificate for its callback's host from the platform's CA, with its own key beside the system's", async () => {
    const dataDir = join(dir, 'ok');
    const session = await startEmbeddedSession(options(dataDir, '12345678'));
    try {
      const { ca, cert, key, callbackCert, callbackKey } = session.files;
      const caCert = new X509Certificate(await readFile(ca));
      const callback = new X509Certificate(await readFile(callbackCert!));
      expect(callback.checkIssued(caCert) && callback.verify(caCert.publicKey)).toBe(true);
      expect(callback.checkIP('127.0.0.1')).toBe('127.0.0.1');
      expect(callback.subject).toContain('O=Fagsystem A callback');
      expect(callback.checkPrivateKey(createPrivateKey(await readFile(callbackKey!)))).toBe(true);
      expect(callbackCert).toContain(join('callbacks', session.userSystemUuid));
      expect((await stat(callbackKey!)).mode & 0o777).toBe(0o600);
      // Two keys made at once are still two keys: the system's certificate is not the callback's.
      const system = new X509Certificate(await readFile(cert));
      expect(system.checkPrivateKey(createPrivateKey(await readFile(key)))).toBe(true);
      expect(system.publicKey.export({ format: 'pem', type: 'spki' })).not.toBe(
        callback.publicKey.export({ format: 'pem', type: 'spki' }),
      );
    } finally {
      await session.stop();
    }
  }, 30_000);

  it('refused registration: says why, and leaves no callback certificate behind', async () => {
    const dataDir = join(dir, 'refused');
    const error = await startEmbeddedSession(options(dataDir, '123')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'platform.bad-cvr' });
    expect(existsSync(join(dataDir, 'callbacks'))).toBe(false);
  }, 30_000);
});
