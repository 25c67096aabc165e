/**
 * Brings a PostgreSQL database up to the newest schema. Each migration runs in its own
 * transaction together with its row in `schema_migrations`, so it is applied entirely or not at
 * all. A session advisory lock makes instances that start at once take turns: the first applies
 * what is missing, the others then find it applied. A crashed instance's lock ends with its
 * connection.
 */
import type pg from 'pg';
import { loadMigrations, type Migration } from './postgres-migrations.ts';
import { PostgresStoreError } from './postgres-store-error.ts';

/** Advisory lock key of klarmeld's migrations ('klarmeld' in ASCII, as a 64-bit number). */
const migrationLock = '7740398493674204260';

export interface MigrateOutcome {
  /** Versions this call applied (empty when another instance or an earlier start had). */
  applied: number[];
  /** The database's version afterwards. */
  version: number;
}

const pad = (m: Pick<Migration, 'version' | 'name'>) => `${String(m.version).padStart(3, '0')}-${m.name}.sql`;

/**
 * Applies the migrations the database lacks, oldest first; with `upTo`, only those up to that
 * version (tests use it to make an older database). Refuses a database migrated by a newer
 * klarmeld and a released migration whose text has changed since it was applied.
 */
export async function migrate(
  pool: pg.Pool,
  options: { migrations?: Migration[]; upTo?: number } = {},
): Promise<MigrateOutcome> {
  const all = options.migrations ?? loadMigrations();
  const migrations = all.filter((m) => options.upTo === undefined || m.version <= options.upTo);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLock]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = (
        await client.query<{ version: number; name: string; checksum: string }>(
          'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
        )
      ).rows;
      const known = new Map(migrations.map((m) => [m.version, m]));
      const newest = done.at(-1);
      if (newest && newest.version > all.length) {
        throw new PostgresStoreError(
          'database-newer',
          `The database is at schema version ${newest.version} (${newest.name}), newer than this klarmeld knows (${all.length}): a newer klarmeld migrated it. Run that version, or a newer one, against it.`,
        );
      }
      for (const row of done) {
        const ours = known.get(row.version);
        if (ours && ours.checksum !== row.checksum) {
          throw new PostgresStoreError(
            'migration-changed',
            `Migration ${pad(ours)} differs from the one applied to this database (checksum ${row.checksum.slice(0, 12)}…): a released migration must not change. Restore the file and put the change in a new migration.`,
          );
        }
      }
      const applied: number[] = [];
      for (const m of migrations.filter((m) => !done.some((d) => d.version === m.version))) {
        try {
          await client.query('BEGIN');
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
            m.version,
            m.name,
            m.checksum,
          ]);
          await client.query('COMMIT');
          applied.push(m.version);
        } catch (error) {
          await client.query('ROLLBACK');
          throw new PostgresStoreError(
            'migration-failed',
            `Migration ${pad(m)} failed and was rolled back (the database stays at version ${applied.at(-1) ?? newest?.version ?? 0}): ${(error as Error).message}.`,
            { cause: error },
          );
        }
      }
      return { applied, version: Math.max(newest?.version ?? 0, ...applied) };
    } finally {
      // A broken connection has lost the lock already; its error must not hide the one that broke it.
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLock]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}
