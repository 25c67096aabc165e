import type { DatabaseSync } from 'node:sqlite';

/** Tables of the registry. Created if missing; the data dir keeps them across restarts. */
export function createRegistrySchema(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS it_systems (
      uuid TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, supplier_cvr TEXT NOT NULL, created_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS certificates (
      fingerprint TEXT PRIMARY KEY, system_uuid TEXT NOT NULL REFERENCES it_systems(uuid),
      subject TEXT NOT NULL, serial_number TEXT NOT NULL, cert_pem TEXT NOT NULL,
      revoked INTEGER NOT NULL DEFAULT 0, revoked_at TEXT);
    CREATE INDEX IF NOT EXISTS certificates_system ON certificates(system_uuid);
    CREATE TABLE IF NOT EXISTS service_agreements (
      uuid TEXT PRIMARY KEY, system_uuid TEXT NOT NULL REFERENCES it_systems(uuid),
      integration TEXT NOT NULL, service TEXT NOT NULL, service_uuid TEXT, entity_id TEXT,
      municipality_cvr TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('pending', 'approved')),
      created_at TEXT NOT NULL, approved_at TEXT);
    CREATE INDEX IF NOT EXISTS agreements_system ON service_agreements(system_uuid);
    CREATE TABLE IF NOT EXISTS callback_endpoints (
      system_uuid TEXT NOT NULL REFERENCES it_systems(uuid), url TEXT NOT NULL, integration TEXT,
      PRIMARY KEY (system_uuid, url));
    CREATE TABLE IF NOT EXISTS platform_keys (name TEXT PRIMARY KEY, private_pem TEXT NOT NULL, public_pem TEXT NOT NULL, created_at TEXT NOT NULL);
  `);
}
