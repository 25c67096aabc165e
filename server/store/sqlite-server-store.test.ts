import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, it } from 'vitest';
import { openSqliteServerStore } from './sqlite-server-store.ts';
import { describeServerStore } from './testing/store-contract.ts';

describeServerStore('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'klarmeld-server-store-'));
  const file = join(dir, 'sheet.sqlite');
  return {
    open: async () => openSqliteServerStore(file),
    reopen: async () => openSqliteServerStore(file),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

it('refuses to change or delete history in the file itself (append-only, not only by the interface)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'klarmeld-server-store-'));
  try {
    const store = openSqliteServerStore(join(dir, 'sheet.sqlite'));
    await store.appendHistory({ actor: 'a', action: 'run.open', subject: 'r1' });
    await store.close();
    const db = new DatabaseSync(join(dir, 'sheet.sqlite'));
    expect(() => db.exec("UPDATE server_history SET actor = 'b'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM server_history')).toThrow(/append-only/);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('opens a file from before where two first admins were made at once: both tokens work, the later one issued by the first', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'klarmeld-server-store-'));
  try {
    const db = new DatabaseSync(join(dir, 'sheet.sqlite'));
    db.exec(
      'CREATE TABLE server_identities (id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL, name TEXT NOT NULL, cvr TEXT, municipality_code TEXT, created_at TEXT NOT NULL, created_by TEXT NOT NULL)',
    );
    db.exec(
      "INSERT INTO server_identities VALUES ('a1', 'h1', 'kombit', 'KOMBIT', NULL, NULL, '2026-01-01T00:00:00.000Z', ''), ('a2', 'h2', 'kombit', 'KOMBIT', NULL, NULL, '2026-01-01T00:00:00.001Z', '')",
    );
    db.close();
    const store = openSqliteServerStore(join(dir, 'sheet.sqlite'));
    try {
      expect((await store.identities()).map((i) => `${i.id} ${i.createdBy}`)).toEqual(['a1 ', 'a2 a1']);
      expect((await store.identityByTokenHash('h2'))?.id).toBe('a2');
      expect(await store.addFirstAdmin('KOMBIT', 'h3')).toMatchObject({ identity: { id: 'a1' }, added: false });
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
