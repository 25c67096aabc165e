/** The notification store in the database `--database` names (as open-store.ts picks the server's store). */
import type { NotifyStore } from './notify-store.ts';
import { openPostgresNotifyStore } from './postgres-notify-store.ts';
import { openSqliteNotifyStore } from './sqlite-notify-store.ts';

export async function openNotifyStore(
  database: string | undefined,
  defaultSqliteFile: string,
  clock?: () => Date,
): Promise<NotifyStore> {
  const options = clock ? { clock } : {};
  if (database && /^postgres(ql)?:\/\//.test(database)) return openPostgresNotifyStore(database, options);
  return openSqliteNotifyStore(database || defaultSqliteFile, options);
}
