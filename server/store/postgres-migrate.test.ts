import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresSkipReason } from '../testing/postgres-binaries.ts';
import { sharedTestPostgres, type FileTestPostgres } from '../testing/shared-postgres.ts';
import { migrate } from './postgres-migrate.ts';
import { loadMigrations, migration } from './postgres-migrations.ts';
import { openPostgresServerStore } from './postgres-server-store.ts';

const skip = postgresSkipReason();

describe.skipIf(skip)(`PostgreSQL migrations${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let server: FileTestPostgres;
  const pools: pg.Pool[] = [];
  const poolOf = (url: string) => {
    const pool = new pg.Pool({ connectionString: url });
    // A connection still closing when the server stops hears its shutdown notice: not this test's concern.
    pool.on('error', () => undefined);
    pools.push(pool);
    return pool;
  };
  const versions = async (pool: pg.Pool) =>
    (await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map(
      (r) => r.version,
    );
  beforeAll(async () => {
    server = await sharedTestPostgres();
  });
  afterAll(async () => {
    await Promise.all(pools.splice(0).map((p) => p.end()));
    await server?.stop();
  });

  it('upgrades a database where two first admins were made at once: both tokens work, the later one issued by the first', async () => {
    const url = await server.createDatabase();
    const pool = poolOf(url);
    await migrate(pool, { upTo: 5 });
    await pool.query(`INSERT INTO server_identities (id, token_hash, role, name, created_at, created_by) VALUES
      ('00000000-0000-4000-8000-00000000000a', 'h1', 'kombit', 'KOMBIT', '2026-01-01T00:00:00Z', ''), ('00000000-0000-4000-8000-00000000000b', 'h2', 'kombit', 'KOMBIT', '2026-01-01T00:00:01Z', '')`);
    const store = await openPostgresServerStore(url);
    try {
      expect((await store.identities()).map((i) => `${i.id} ${i.createdBy}`)).toEqual([
        '00000000-0000-4000-8000-00000000000a ',
        '00000000-0000-4000-8000-00000000000b 00000000-0000-4000-8000-00000000000a',
      ]);
      expect((await store.identityByTokenHash('h2'))?.id).toBe('00000000-0000-4000-8000-00000000000b');
      expect(await store.addFirstAdmin('KOMBIT', 'h3')).toMatchObject({
        identity: { id: '00000000-0000-4000-8000-00000000000a' },
        added: false,
      });
    } finally {
      await store.close();
    }
  });

  it('upgrades a database at migration 1 to the newest, keeping the sheet it holds', async () => {
    const url = await server.createDatabase();
    const pool = poolOf(url);
    expect(await migrate(pool, { upTo: 1 })).toEqual({ applied: [1], version: 1 });
    await pool.query(`INSERT INTO status_events (id, system, integration, status, actor, at, source, evidence)
      VALUES (gen_random_uuid(), 's1', 'SF1520', 'klarmeldt', 'runner', '2026-01-01T00:00:00Z', 'run', '{"runId":"old-run","digest":"d"}')`);
    await pool.query("INSERT INTO trusted_platform_keys VALUES ($1, 'KOMBIT', 'kombit', '2026-01-01T00:00:00Z')", [
      'a'.repeat(64),
    ]);

    const store = await openPostgresServerStore(url);
    try {
      expect(await versions(pool)).toEqual(loadMigrations().map((m) => m.version));
      expect((await store.currentStatuses()).map((e) => [e.system, e.status, e.at, e.evidence?.runId])).toEqual([
        ['s1', 'klarmeldt', '2026-01-01T00:00:00.000Z', 'old-run'],
      ]);
      expect(await store.trustedPlatformKeys()).toEqual([
        { fingerprint: 'a'.repeat(64), name: 'KOMBIT', addedBy: 'kombit', addedAt: '2026-01-01T00:00:00.000Z' },
      ]);
      // The old run is still found by its id, and what migration 2 added works.
      expect('alreadyRecorded' in (await store.appendRunEvents('old-run', []))).toBe(true);
      expect(await store.addIdentity({ role: 'kombit', name: 'KOMBIT', createdBy: '' }, 'h'.repeat(64))).toMatchObject({
        role: 'kombit',
      });
    } finally {
      await store.close();
    }
  });

  it('applies each migration once when five instances start on an empty database at the same moment', async () => {
    const url = await server.createDatabase();
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => migrate(poolOf(url))));
    const all = loadMigrations().map((m) => m.version);
    expect(outcomes.flatMap((o) => o.applied).sort()).toEqual(all);
    expect(outcomes.every((o) => o.version === all.at(-1))).toBe(true);
    expect(await versions(poolOf(url))).toEqual(all);
  });

  it('rolls a failing migration back entirely and says which file failed and where the database stays', async () => {
    const pool = poolOf(await server.createDatabase());
    const [first] = loadMigrations();
    const broken = migration(2, 'broken', 'CREATE TABLE half_done (x int); SELECT 1 / 0;');
    const failed = migrate(pool, { migrations: [first!, broken] });
    await expect(failed).rejects.toMatchObject({ code: 'migration-failed' });
    await expect(failed).rejects.toThrow(
      /002-broken\.sql failed and was rolled back \(the database stays at version 1\): division by zero/,
    );
    expect(await versions(pool)).toEqual([1]);
    expect((await pool.query("SELECT to_regclass('half_done') AS t")).rows[0].t).toBeNull();
  });

  it('refuses a released migration whose text changed, and a database a newer klarmeld migrated', async () => {
    const pool = poolOf(await server.createDatabase());
    const [first] = loadMigrations();
    const later = [migration(2, 'future', 'CREATE TABLE future (x int);'), migration(3, 'more', 'SELECT 1;')];
    await migrate(pool, { migrations: [first!, ...later] });
    // The same text with CRLF line endings (a Windows checkout) is the same migration.
    expect(
      await migrate(pool, { migrations: [migration(1, first!.name, first!.sql.replace(/\n/g, '\r\n')), ...later] }),
    ).toEqual({ applied: [], version: 3 });
    await expect(
      migrate(pool, { migrations: [migration(1, first!.name, `${first!.sql}\n-- edited`), ...later] }),
    ).rejects.toMatchObject({
      code: 'migration-changed',
      message: expect.stringMatching(/001-sheet\.sql differs from the one applied.*put the change in a new migration/),
    });
    await expect(migrate(pool, { migrations: [first!] })).rejects.toMatchObject({
      code: 'database-newer',
      message: expect.stringMatching(/schema version 3 \(more\), newer than this klarmeld knows \(1\)/),
    });
  });
});
