/**
 * The PostgreSQL of one test file: the run's shared server (postgres-global-setup.ts) when Vitest
 * runs with that global setup, else a server of the file's own (`startTestPostgres`), so a file
 * still runs under any configuration. Get it in beforeAll, create a fresh database per test
 * (`createDatabase`), and `stop()` in afterAll.
 */
import pg from 'pg';
import { inject } from 'vitest';
import type { BrokerAnswer } from './postgres-global-setup.ts';
import { startTestPostgres, type TestPostgres } from './postgres.ts';

/** What a test file uses of its PostgreSQL. */
export type FileTestPostgres = Pick<TestPostgres, 'url' | 'port' | 'createDatabase' | 'stop'>;

async function ask(broker: string, path: string, method: 'GET' | 'POST'): Promise<BrokerAnswer> {
  const response = await fetch(`${broker}${path}`, { method });
  if (!response.ok) throw new Error(`The run's shared PostgreSQL did not answer: ${await response.text()}`);
  return (await response.json()) as BrokerAnswer;
}

/**
 * The file's PostgreSQL. On the shared server `stop()` drops the databases this file created
 * (closing any connection a test left open) and leaves the server to the run.
 */
export async function sharedTestPostgres(): Promise<FileTestPostgres> {
  const broker = inject('klarmeldPostgresBroker');
  if (!broker) return startTestPostgres();
  const { url, port } = await ask(broker, '/server', 'GET');
  const created: string[] = [];
  return {
    url,
    port,
    async createDatabase(name = `t${process.pid}`) {
      const { database } = await ask(broker, `/database?prefix=${encodeURIComponent(name)}`, 'POST');
      created.push(database!);
      return database!;
    },
    async stop() {
      if (created.length === 0) return;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        for (const database of created.splice(0)) {
          const name = pg.escapeIdentifier(decodeURIComponent(new URL(database).pathname.slice(1)));
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        }
      } finally {
        await admin.end();
      }
    },
  };
}
