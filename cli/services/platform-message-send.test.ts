import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlatformAdmin } from '../../conformance/platform/admin/platform-admin.ts';
import { PlatformPkiStore } from '../../conformance/platform/pki/platform-pki.ts';
import { SqliteRegistry } from '../../conformance/platform/registry/sqlite-registry.ts';
import { openDatabase } from '../../conformance/platform/store/open-database.ts';
import { emptyCatalog } from '../../catalog/catalog.ts';
import { MessageError, sendPlatformMessage } from './platform-message-send.ts';

describe('klarmeld platform message send (service)', () => {
  it('says what to do when the system has no callback endpoint', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'klarmeld-msg-'));
    try {
      const db = openDatabase(dataDir);
      const admin = new PlatformAdmin(new SqliteRegistry(db), await PlatformPkiStore.open(dataDir), emptyCatalog());
      await admin.addSystem({ name: 'Uden callback' });
      db.close();
      const sending = sendPlatformMessage(dataDir, { to: 'Uden callback', type: 'Test/TestbeskedType1' });
      await expect(sending).rejects.toBeInstanceOf(MessageError);
      await expect(sending).rejects.toThrow(/--callback/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
