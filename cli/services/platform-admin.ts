import type { DatabaseSync } from 'node:sqlite';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { PlatformAdmin } from '../../conformance/platform/admin/platform-admin.ts';
import { PlatformPkiStore } from '../../conformance/platform/pki/platform-pki.ts';
import { SqliteRegistry } from '../../conformance/platform/registry/sqlite-registry.ts';
import { openDatabase } from '../../conformance/platform/store/open-database.ts';

export { PlatformAdminError } from '../../conformance/platform/admin/admin-error.ts';

/**
 * Opens the platform's data directory for administration without starting the server. A running
 * server on the same directory sees the changes at once (it reads the registry from SQLite).
 */
export async function openPlatformAdmin(dataDir: string): Promise<{
  admin: PlatformAdmin; registry: SqliteRegistry; pki: PlatformPkiStore; database: DatabaseSync; caPath: string; close: () => void;
}> {
  const { catalog } = await loadCatalog();
  const pki = await PlatformPkiStore.open(dataDir);
  const db = openDatabase(dataDir);
  const registry = new SqliteRegistry(db);
  return { admin: new PlatformAdmin(registry, pki, catalog), registry, pki, database: db, caPath: pki.caCertPath, close: () => db.close() };
}
