import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ensureAdmin } from './admin-token.ts';
import { hashToken } from './tokens.ts';
import { openSqliteServerStore } from './store/sqlite-server-store.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('makes one KOMBIT admin when two instances start at once on an empty database, and its token file opens it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'klarmeld-admin-'));
  dirs.push(dir);
  const file = join(dir, 'sheet.sqlite');
  const first = openSqliteServerStore(file);
  const second = openSqliteServerStore(file);
  try {
    const tokenFile = join(dir, 'admin-token');
    const outcomes = await Promise.all([ensureAdmin(first, tokenFile), ensureAdmin(second, tokenFile)]);
    expect(outcomes.map((o) => o.created).sort()).toEqual([false, true]);
    const admins = (await first.identities()).filter((i) => i.role === 'kombit');
    expect(admins).toHaveLength(1);
    // The one token file left is the kept admin's: the operator signs in with it.
    expect(readdirSync(dir).filter((f) => f.startsWith('admin-token'))).toEqual(['admin-token']);
    const token = readFileSync(tokenFile, 'utf8').trim();
    expect(await second.identityByTokenHash(hashToken(token))).toEqual(admins[0]);
    // A restart finds the admin and leaves the file as it was.
    expect(await ensureAdmin(first, tokenFile)).toEqual({ created: false });
    expect(readFileSync(tokenFile, 'utf8').trim()).toBe(token);
    expect((await first.history()).filter((h) => h.action === 'identity.issue')).toHaveLength(1);
  } finally {
    await first.close();
    await second.close();
  }
});
