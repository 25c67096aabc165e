import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresSkipReason } from '../testing/postgres-binaries.ts';
import { sharedTestPostgres, type FileTestPostgres } from '../testing/shared-postgres.ts';
import { openPostgresServerStore } from './postgres-server-store.ts';
import { describeServerStore } from './testing/store-contract.ts';

const skip = postgresSkipReason();

describe.skipIf(skip)(`PostgreSQL server store${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let server: FileTestPostgres;
  beforeAll(async () => {
    server = await sharedTestPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  describeServerStore('PostgreSQL', () => {
    let url: string | undefined;
    return {
      open: async () => openPostgresServerStore((url = await server.createDatabase())),
      reopen: async () => openPostgresServerStore(url!),
      cleanup: async () => undefined,
    };
  });

  it('refuses to change, delete or truncate history and sheet events in the database itself', async () => {
    const url = await server.createDatabase();
    const store = await openPostgresServerStore(url);
    await store.appendHistory({ actor: 'a', action: 'run.open', subject: 'r1' });
    await store.appendRunEvents('r1', [
      {
        system: 's',
        integration: 'SF1520',
        status: 'klarmeldt',
        actor: 'a',
        source: 'run',
        evidence: { runId: 'r1', digest: 'd'.repeat(64) },
      },
    ]);
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const sql of [
        "UPDATE server_history SET actor = 'b'",
        'DELETE FROM server_history',
        'TRUNCATE server_history',
        "UPDATE status_events SET status = 'x'",
        'DELETE FROM status_events',
        'TRUNCATE status_events',
      ]) {
        await expect(client.query(sql), sql).rejects.toThrow(/append-only/);
      }
      expect((await client.query('SELECT count(*)::int AS n FROM status_events')).rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('names the unreachable database without its password and says what to check', async () => {
    const url = `postgres://klarmeld:secret@127.0.0.1:${server.port}/no_such_database`;
    const opened = openPostgresServerStore(url);
    await expect(opened).rejects.toMatchObject({ code: 'database-unreachable' });
    await expect(opened).rejects.toThrow(
      /postgres:\/\/klarmeld:\*\*\*@127\.0\.0\.1:\d+\/no_such_database.*does not exist.*Check that it runs/,
    );
    await expect(opened).rejects.not.toThrow(/secret/);
  });
});
