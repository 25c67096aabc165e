/**
 * The store `--database` names: none (or a file path) is SQLite in the data folder; a
 * `postgres://` URL is PostgreSQL (postgres-server-store.ts; it throws PostgresStoreError when it
 * cannot reach or upgrade the database).
 */
import { openPostgresServerStore } from './postgres-server-store.ts';
import type { ServerStore } from './server-store.ts';
import { openSqliteServerStore } from './sqlite-server-store.ts';

export class DatabaseOptionError extends Error {
  override name = 'DatabaseOptionError';
  readonly code = 'server.database-unsupported';
}

export async function openServerStore(database: string | undefined, defaultSqliteFile: string): Promise<ServerStore> {
  if (database === undefined || database === '') return openSqliteServerStore(defaultSqliteFile);
  // Connects, then brings the schema up to date (a newer klarmeld upgrades the database on start).
  if (/^postgres(ql)?:\/\//.test(database)) return openPostgresServerStore(database);
  if (/^[a-z]+:\/\//i.test(database))
    throw new DatabaseOptionError(`--database ${database}: give a postgres:// URL or the path of a SQLite file.`);
  return openSqliteServerStore(database);
}
