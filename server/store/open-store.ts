/**
 * The store `--database` names: none (or a file path) is SQLite in the data folder; a
 * `postgres://` URL is PostgreSQL (brief P wires its implementation here).
 */
import type { ServerStore } from './server-store.ts';
import { openSqliteServerStore } from './sqlite-server-store.ts';

export class DatabaseOptionError extends Error {
  override name = 'DatabaseOptionError';
  readonly code = 'server.database-unsupported';
}

export async function openServerStore(database: string | undefined, defaultSqliteFile: string): Promise<ServerStore> {
  if (database === undefined || database === '') return openSqliteServerStore(defaultSqliteFile);
  if (/^postgres(ql)?:\/\//.test(database)) {
    throw new DatabaseOptionError(`--database ${database.replace(/\/\/[^@/]*@/, '//…@')}: this klarmeld has no PostgreSQL store yet. Leave --database out to keep everything in SQLite in the data folder.`);
  }
  if (/^[a-z]+:\/\//i.test(database)) throw new DatabaseOptionError(`--database ${database}: give a postgres:// URL or the path of a SQLite file.`);
  return openSqliteServerStore(database);
}
