import type { DatabaseSync } from 'node:sqlite';

/** What Serviceplatformen's AccessTokenService gave out: an opaque token bound to a certificate and an entity ID. */
export interface AccessTokenGrant {
  token: string;
  /** SHA-256 fingerprint (registry form) of the certificate the SAML token was bound to. */
  fingerprint: string;
  entityId: string;
  cvr: string;
  systemUuid: string;
  expiresAt: Date;
  /** The optional datarekvirent pair the system named (`CPR:0101011234`). */
  datarekvirent?: string;
}

/**
 * The AccessTokenService's tokens in the platform's database (table prefixed `sts_`, as the
 * core asks of stateful services), so a token survives a restart of the platform within its
 * lifetime and every connection of the same platform sees it.
 */
export function accessTokenStore(db: DatabaseSync) {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = openStore(db)));
  return store;
}

const stores = new WeakMap<DatabaseSync, ReturnType<typeof openStore>>();

function openStore(db: DatabaseSync) {
  db.exec(`CREATE TABLE IF NOT EXISTS sts_access_tokens (
    token TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, entity_id TEXT NOT NULL, cvr TEXT NOT NULL,
    system_uuid TEXT NOT NULL, expires_at INTEGER NOT NULL, datarekvirent TEXT)`);
  const insert = db.prepare(
    'INSERT INTO sts_access_tokens (token, fingerprint, entity_id, cvr, system_uuid, expires_at, datarekvirent) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const select = db.prepare('SELECT * FROM sts_access_tokens WHERE token = ?');
  const purge = db.prepare('DELETE FROM sts_access_tokens WHERE expires_at < ?');
  return {
    put(grant: AccessTokenGrant): void {
      // Tokens a day past their end are of no use to a test's story any more.
      purge.run(grant.expiresAt.getTime() - 2 * 86_400_000);
      insert.run(
        grant.token,
        grant.fingerprint,
        grant.entityId,
        grant.cvr,
        grant.systemUuid,
        grant.expiresAt.getTime(),
        grant.datarekvirent ?? null,
      );
    },
    get(token: string): AccessTokenGrant | undefined {
      const row = select.get(token) as Record<string, string | number | null> | undefined;
      if (!row) return undefined;
      return {
        token: String(row.token),
        fingerprint: String(row.fingerprint),
        entityId: String(row.entity_id),
        cvr: String(row.cvr),
        systemUuid: String(row.system_uuid),
        expiresAt: new Date(Number(row.expires_at)),
        ...(row.datarekvirent !== null && { datarekvirent: String(row.datarekvirent) }),
      };
    },
  };
}

export type AccessTokenStore = ReturnType<typeof accessTokenStore>;
