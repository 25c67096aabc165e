import type { DatabaseSync } from 'node:sqlite';
import { loadCatalog } from '../../catalog/index.ts';
import { PlatformAdmin } from '../../conformance/platform/index.ts';
import { PlatformPkiStore } from '../../conformance/platform/index.ts';
import { SqliteRegistry } from '../../conformance/platform/index.ts';
import { openDatabase } from '../../conformance/platform/index.ts';

export { PlatformAdminError } from '../../conformance/platform/index.ts';

/**
 * Opens the platform's data directory for administration without starting the server. A running
 * server on the same directory sees the changes at once (it reads the registry from SQLite).
 */
export async function openPlatformAdmin(dataDir: string): Promise<{
  admin: PlatformAdmin;
  registry: SqliteRegistry;
  pki: PlatformPkiStore;
  database: DatabaseSync;
  caPath: string;
  close: () => void;
}> {
  const { catalog } = await loadCatalog();
  const pki = await PlatformPkiStore.open(dataDir);
  const db = openDatabase(dataDir);
  const registry = new SqliteRegistry(db);
  return {
    admin: new PlatformAdmin(registry, pki, catalog),
    registry,
    pki,
    database: db,
    caPath: pki.caCertPath,
    close: () => db.close(),
  };
}
