import type { DatabaseSync } from 'node:sqlite';

/** What the index holds: cases (sager) and documents, each kept per municipality. */
export type IndexKind = 'sag' | 'dokument';

export interface IndexedObject {
  cvr: string;
  kind: IndexKind;
  uuid: string;
  /** The object's Registrering elements, serialised as received (namespaces declared on each). */
  registreringXml: string;
  updatedAt: string;
}

export interface SdiStore {
  get(cvr: string, kind: IndexKind, uuid: string): IndexedObject | undefined;
  list(cvr: string, kind: IndexKind): IndexedObject[];
  /** Inserts or replaces (importing the same UUID twice leaves one object). */
  put(object: IndexedObject): void;
  remove(cvr: string, kind: IndexKind, uuid: string): boolean;
  count(cvr: string): number;
}

/**
 * SF1470's index in the platform's SQLite database (table `sdi_objects`), one namespace per
 * municipality CVR, so each municipality sees only its own cases and documents.
 */
export function createSdiStore(db: DatabaseSync): SdiStore {
  db.exec(`CREATE TABLE IF NOT EXISTS sdi_objects (
    cvr TEXT NOT NULL, kind TEXT NOT NULL, uuid TEXT NOT NULL,
    registrering_xml TEXT NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (cvr, kind, uuid))`);
  const row = (r: Record<string, unknown>): IndexedObject => ({
    cvr: String(r.cvr),
    kind: r.kind as IndexKind,
    uuid: String(r.uuid),
    registreringXml: String(r.registrering_xml),
    updatedAt: String(r.updated_at),
  });
  const getStmt = db.prepare('SELECT * FROM sdi_objects WHERE cvr = ? AND kind = ? AND uuid = ?');
  const listStmt = db.prepare('SELECT * FROM sdi_objects WHERE cvr = ? AND kind = ? ORDER BY uuid');
  const putStmt = db.prepare(
    'INSERT OR REPLACE INTO sdi_objects (cvr, kind, uuid, registrering_xml, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const removeStmt = db.prepare('DELETE FROM sdi_objects WHERE cvr = ? AND kind = ? AND uuid = ?');
  const countStmt = db.prepare('SELECT COUNT(*) AS n FROM sdi_objects WHERE cvr = ?');
  return {
    get: (cvr, kind, uuid) => {
      const r = getStmt.get(cvr, kind, uuid);
      return r ? row(r) : undefined;
    },
    list: (cvr, kind) => listStmt.all(cvr, kind).map(row),
    put: (o) => void putStmt.run(o.cvr, o.kind, o.uuid, o.registreringXml, o.updatedAt),
    remove: (cvr, kind, uuid) => Number(removeStmt.run(cvr, kind, uuid).changes) > 0,
    count: (cvr) => Number((countStmt.get(cvr) as { n: number }).n),
  };
}
