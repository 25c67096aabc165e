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
