import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStoreError, startServer, type RunningServer } from './index.ts';
import { api } from './testing/api-client.ts';
import { postgresSkipReason } from './testing/postgres-binaries.ts';
import { sharedTestPostgres, type FileTestPostgres } from './testing/shared-postgres.ts';

const skip = postgresSkipReason();

describe.skipIf(skip)(`klarmeld server --database postgres://…${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let postgres: FileTestPostgres;
  const dirs: string[] = [];
  const servers: RunningServer[] = [];
  const dataDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'klarmeld-server-pg-'));
    dirs.push(dir);
    return dir;
  };
  const start = async (database: string, dir?: string) => {
    const server = await startServer({ dataDir: dir ?? (await dataDir()), database });
    servers.push(server);
    return server;
  };
  const adminToken = async (server: RunningServer) => (await readFile(server.adminToken.file, 'utf8')).trim();
  beforeAll(async () => {
    postgres = await sharedTestPostgres();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  afterAll(async () => {
    await postgres?.stop();
  });

  it("makes one KOMBIT admin when two instances start at once on an empty database: the first one's admin-token opens both", async () => {
    const database = await postgres.createDatabase();
    const both = await Promise.all([start(database), start(database)]);
    expect(both.map((s) => s.adminToken.created).sort()).toEqual([false, true]);
    const first = both.find((s) => s.adminToken.created)!;
    const other = both.find((s) => !s.adminToken.created)!;
    expect(existsSync(other.adminToken.file)).toBe(false);
    const token = await adminToken(first);
    for (const server of both)
      expect((await api(server.url, token, 'GET', '/api/whoami')).json).toMatchObject({ identity: { role: 'kombit' } });
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    try {
      expect(
        (await client.query("SELECT count(*)::int AS n FROM server_identities WHERE role = 'kombit'")).rows[0].n,
      ).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('keeps identities, systems, the sheet and its trusted key in PostgreSQL, not in a file, across a restart', async () => {
    const database = await postgres.createDatabase();
    const dir = await dataDir();
    let server = await start(database, dir);
    const admin = await adminToken(server);
    const issued = await api(server.url, admin, 'POST', '/api/identities', { role: 'supplier', cvr: '99990006' });
    expect(issued.status).toBe(201);
    expect(
      (await api(server.url, issued.json.token, 'POST', '/api/systems', { system: 'reference-system' })).status,
    ).toBe(201);
    expect(existsSync(join(dir, 'sheet.sqlite'))).toBe(false);

    const client = new pg.Client({ connectionString: database });
    await client.connect();
    try {
      const keys = await client.query('SELECT fingerprint FROM trusted_platform_keys');
      expect(keys.rows.map((r) => r.fingerprint)).toEqual([server.keyFingerprint]);
      expect((await client.query('SELECT system_id, supplier_cvr FROM server_systems')).rows).toEqual([
        { system_id: 'reference-system', supplier_cvr: '99990006' },
      ]);
    } finally {
      await client.end();
    }

    await server.stop();
    servers.splice(0);
    server = await start(database, dir);
    expect(server.adminToken.created).toBe(false);
    const mine = await api(server.url, issued.json.token, 'GET', '/api/systems');
    expect(mine.json.systems.map((s: { systemId: string }) => s.systemId)).toEqual(['reference-system']);
  });

  it('lets two instances share one database: a token one issues works on the other, a system one registers the other knows', async () => {
    const database = await postgres.createDatabase();
    const [one, two] = await Promise.all([start(database), start(database)]);
    // Whichever instance made KOMBIT's first identity wrote the admin token into its data folder.
    const admin = await adminToken([one!, two!].find((s) => s.adminToken.created)!);
    const supplier = (await api(one!.url, admin, 'POST', '/api/identities', { role: 'supplier', cvr: '99990006' })).json
      .token;
    expect((await api(two!.url, supplier, 'GET', '/api/whoami')).json.identity).toMatchObject({
      role: 'supplier',
      cvr: '99990006',
    });
    expect((await api(two!.url, supplier, 'POST', '/api/systems', { system: 'reference-system' })).status).toBe(201);
    const seen = await api(one!.url, supplier, 'GET', '/api/systems');
    expect(seen.json.systems.map((s: { systemId: string }) => s.systemId)).toEqual(['reference-system']);
  });

  it('refuses to start on a database it cannot reach, saying where it looked and what to check', async () => {
    const database = `postgres://klarmeld:hunter2@127.0.0.1:${postgres.port}/missing_database`;
    const started = start(database);
    await expect(started).rejects.toBeInstanceOf(PostgresStoreError);
    await expect(started).rejects.toMatchObject({
      code: 'database-unreachable',
      message: expect.stringMatching(/klarmeld:\*\*\*@127\.0\.0\.1:\d+\/missing_database.*Check that it runs/),
    });
  });
});
