import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startTestPostgres } from './postgres.ts';
import { postgresSkipReason } from './postgres-binaries.ts';

const skip = postgresSkipReason();

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

describe.skipIf(skip)(`startTestPostgres${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('starts a real PostgreSQL on 127.0.0.1, gives each test its own database, and stop() leaves nothing behind', async () => {
    const server = await startTestPostgres();
    let dataDir = '';
    try {
      const [a, b] = [await server.createDatabase(), await server.createDatabase()];
      expect(a).not.toBe(b);
      const first = new pg.Client({ connectionString: a });
      await first.connect();
      const version = await first.query<{ server_version_num: string }>('SHOW server_version_num');
      expect(Number(version.rows[0]!.server_version_num)).toBeGreaterThan(120000);
      dataDir = (await first.query<{ data_directory: string }>('SHOW data_directory')).rows[0]!.data_directory;
      await first.query('CREATE TABLE only_in_a (x int)');
      await first.end();
      const second = new pg.Client({ connectionString: b });
      await second.connect();
      const tables = await second.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'only_in_a'");
      expect(tables.rowCount).toBe(0);
      await second.end();
      expect(existsSync(dataDir)).toBe(true);
    } finally {
      await server.stop();
    }
    expect(existsSync(dataDir)).toBe(false);
    expect(await refused(server.port)).toBe(true);
  });
});
