import type { DatabaseSync } from 'node:sqlite';

/**
 * A user-facing it-system registered as a SAML service provider of the Context Handler: its
 * entityID, where the IdP sends Responses (AssertionConsumerService) and LogoutResponses, and the
 * certificate its requests are signed with (the system certificate, as in KOMBIT's samples).
 */
export interface ServiceProvider {
  entityId: string;
  systemUuid: string;
  assertionConsumerService: string;
  singleLogoutService: string;
  certPem: string;
}

/** A login the IdP answered: what a LogoutRequest must name to end it. */
export interface IdpSession {
  sessionIndex: string;
  entityId: string;
  nameId: string;
}

/** How long a login's session is kept for its logout. */
export const sessionLifetimeMs = 12 * 3600_000;

/** The Context Handler's tables in the platform's database (prefixed with the folder's name). */
export function spStore(db: DatabaseSync) {
  db.exec(`CREATE TABLE IF NOT EXISTS context_handler_sps (
    entity_id TEXT PRIMARY KEY, system_uuid TEXT NOT NULL, acs TEXT NOT NULL, slo TEXT NOT NULL, cert_pem TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS context_handler_sessions (
    session_index TEXT PRIMARY KEY, entity_id TEXT NOT NULL, name_id TEXT NOT NULL)`);
  // Sessions are kept a working day; older ones go when the next one opens, so a busy platform's
  // table does not grow without end (review finding 11). Data folders from before the column get it.
  const columns = db.prepare('PRAGMA table_info(context_handler_sessions)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'opened_at'))
    db.exec('ALTER TABLE context_handler_sessions ADD COLUMN opened_at INTEGER NOT NULL DEFAULT 0');
  return {
    register(sp: ServiceProvider): void {
      db.prepare(
        `INSERT INTO context_handler_sps (entity_id, system_uuid, acs, slo, cert_pem) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(entity_id) DO UPDATE SET system_uuid = excluded.system_uuid, acs = excluded.acs, slo = excluded.slo, cert_pem = excluded.cert_pem`,
      ).run(sp.entityId, sp.systemUuid, sp.assertionConsumerService, sp.singleLogoutService, sp.certPem);
    },
    find(entityId: string): ServiceProvider | undefined {
      const row = db.prepare('SELECT * FROM context_handler_sps WHERE entity_id = ?').get(entityId) as
        Record<string, string> | undefined;
      return row
        ? {
            entityId: row.entity_id!,
            systemUuid: row.system_uuid!,
            assertionConsumerService: row.acs!,
            singleLogoutService: row.slo!,
            certPem: row.cert_pem!,
          }
        : undefined;
    },
    /** The provider an it-system registered, when it registered one under another entityID (to say so). */
    ofSystem(systemUuid: string): ServiceProvider | undefined {
      const row = db.prepare('SELECT entity_id FROM context_handler_sps WHERE system_uuid = ?').get(systemUuid) as
        { entity_id: string } | undefined;
      return row ? this.find(row.entity_id) : undefined;
    },
    openSession(session: IdpSession, now: Date): void {
      db.prepare('DELETE FROM context_handler_sessions WHERE opened_at < ?').run(now.getTime() - sessionLifetimeMs);
      db.prepare(
        'INSERT INTO context_handler_sessions (session_index, entity_id, name_id, opened_at) VALUES (?, ?, ?, ?)',
      ).run(session.sessionIndex, session.entityId, session.nameId, now.getTime());
    },
    /** Ends the session and says whether it was open for that provider and user. */
    closeSession(session: IdpSession): boolean {
      const result = db
        .prepare('DELETE FROM context_handler_sessions WHERE session_index = ? AND entity_id = ? AND name_id = ?')
        .run(session.sessionIndex, session.entityId, session.nameId);
      return Number(result.changes) > 0;
    },
  };
}

export type SpStore = ReturnType<typeof spStore>;
