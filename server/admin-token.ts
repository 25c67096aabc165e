/**
 * KOMBIT's first identity. A server that knows no KOMBIT identity makes one at start and writes
 * its token owner-only into the data folder, where whoever runs the server reads it; the server
 * keeps only the token's hash. A later start finds the identity and leaves the file alone.
 *
 * Instances starting at once on an empty database make one between them (the store's
 * `addFirstAdmin`): the instance whose row stays writes its token file; the others write none,
 * so the first instance's `admin-token` is KOMBIT's token for all of them.
 */
import { rename, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { hashToken, newToken } from './tokens.ts';
import { writeOwnerOnly } from './secret-file.ts';
import type { ServerStore } from './store/server-store.ts';

export async function ensureAdmin(store: ServerStore, tokenFile: string): Promise<{ created: boolean }> {
  if ((await store.identities()).some((i) => i.role === 'kombit')) return { created: false };
  const token = newToken();
  // Written aside first: a crash between the insert and the rename leaves the token readable in
  // the folder, never an admin nobody has the token of. Two instances on one --data each write
  // their own file aside, and only the one whose admin the database kept renames it in place.
  const aside = `${tokenFile}.${randomUUID()}.new`;
  await writeOwnerOnly(aside, `${token}\n`);
  const admin = await store.addFirstAdmin('KOMBIT', hashToken(token)).catch(async (error: unknown) => {
    await rm(aside, { force: true });
    throw error;
  });
  if (!admin.added) {
    await rm(aside, { force: true });
    return { created: false };
  }
  await rename(aside, tokenFile);
  await store.appendHistory({
    actor: 'server',
    action: 'identity.issue',
    subject: admin.identity.id,
    detail: { role: 'kombit', tokenFile },
  });
  return { created: true };
}
