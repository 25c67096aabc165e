import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { postgresSkipReason } from '../../server/testing/postgres-binaries.ts';
import { sharedTestPostgres, type FileTestPostgres } from '../../server/testing/shared-postgres.ts';
import { klarmeld } from '../testing/klarmeld.ts';

const bin = fileURLToPath(new URL('../../bin/klarmeld.js', import.meta.url));
const skip = postgresSkipReason();
const temp = tempDirs();

describe.skipIf(skip)(`klarmeld server --database postgres://…${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let postgres: FileTestPostgres;
  beforeAll(async () => {
    postgres = await sharedTestPostgres();
  });
  afterAll(async () => {
    await postgres?.stop();
  });

  it('starts on PostgreSQL with nothing else configured, keeps its identities there, and stops on SIGTERM', async () => {
    const database = await postgres.createDatabase();
    const data = await temp.make('klarmeld-server-cli-pg-');
    const child = spawn(
      process.execPath,
      [bin, 'server', '--json', '--port', '0', '--platform-port', '0', '--data', data, '--database', database],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const [line] = await Promise.race([
        createInterface({ input: child.stdout })
          [Symbol.asyncIterator]()
          .next()
          .then((r) => [r.value as string]),
        exited.then((code) => [`exited ${code}: ${stderr}`]),
      ]);
      const facts = JSON.parse(line!) as { url: string; adminTokenFile: string; adminTokenCreated: boolean };
      expect(facts.adminTokenCreated).toBe(true);
      const token = (await readFile(facts.adminTokenFile, 'utf8')).trim();
      const whoami = await fetch(new URL('/api/whoami', facts.url), { headers: { authorization: `Bearer ${token}` } });
      expect(((await whoami.json()) as { identity: { role: string } }).identity.role).toBe('kombit');
      const client = new pg.Client({ connectionString: database });
      await client.connect();
      expect((await client.query('SELECT role FROM server_identities')).rows).toEqual([{ role: 'kombit' }]);
      await client.end();
      expect(existsSync(join(data, 'sheet.sqlite'))).toBe(false);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('ends with exit 3 and says what to check when the database cannot be reached, without printing its password', async () => {
    const data = await temp.make('klarmeld-server-cli-pg-');
    const url = `postgres://klarmeld:hunter2@127.0.0.1:${postgres.port}/missing_database`;
    const result = await klarmeld('server', '--port', '0', '--platform-port', '0', '--data', data, '--database', url);
    expect(result.exit).toBe(3);
    expect(result.stderr).toMatch(
      /Could not reach PostgreSQL at postgres:\/\/klarmeld:\*\*\*@127\.0\.0\.1:\d+\/missing_database: .*does not exist\. Check that it runs/,
    );
    expect(result.stderr + result.stdout).not.toContain('hunter2');
  });
});
