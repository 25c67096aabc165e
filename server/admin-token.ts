/**
 * KOMBIT's first identity. A server that knows no KOMBIT identity makes one at start and writes
 * its token owner-only into the data folder, where whoever runs the server reads it; the server
 * keeps only the token's hash. A later start finds the identity and leaves the file alone.
 */
import { hashToken, newToken } from './tokens.ts';
import { writeOwnerOnly } from './secret-file.ts';
import type { ServerStore } from './store/server-store.ts';

export async function ensureAdmin(store: ServerStore, tokenFile: string): Promise<{ created: boolean }> {
  if ((await store.identities()).some((i) => i.role === 'kombit')) return { created: false };
  const token = newToken();
  await writeOwnerOnly(tokenFile, `${token}\n`);
  const admin = await store.addIdentity({ role: 'kombit', name: 'KOMBIT', createdBy: '' }, hashToken(token));
  await store.appendHistory({ actor: 'server', action: 'identity.issue', subject: admin.id, detail: { role: 'kombit', tokenFile } });
  return { created: true };
}
