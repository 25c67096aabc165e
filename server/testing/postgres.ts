/**
 * A real, throwaway PostgreSQL for tests and benches: `initdb` into a temp folder, `postgres` on
 * a free port on 127.0.0.1, trust authentication for the superuser `klarmeld`. PostgreSQL
 * refuses to run as root, so when we are root the folder is handed to the `postgres` OS user and
 * both binaries run as that user. Test files share one per `vitest run` (shared-postgres.ts); a
 * bench starts its own. A fresh database per test (`createDatabase`); `stop()` ends the server
 * and removes the folder.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findPostgresBinaries } from './postgres-binaries.ts';

export interface TestPostgres {
  /** URL of the `postgres` maintenance database (superuser `klarmeld`, no password). */
  url: string;
  port: number;
  /** The server's process id (postmaster): a bench reads its CPU time, which includes its ended connections'. */
  pid: number;
  /** Creates an empty database and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** The last 8 KiB the server logged since it was ready. */
  log(): string;
  /** Ends the server (fast shutdown) and removes its folder. */
  stop(): Promise<void>;
}

export interface TestPostgresOptions {
  /**
   * Server settings (`-c name=value`). By default durability is off (fsync, synchronous_commit,
   * full_page_writes), since a test server's data dies with it; a bench that compares durable
   * writes turns them back on.
   */
  settings?: Record<string, string>;
}

const fastSettings = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' };
const ready = /database system is ready to accept connections/;

function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      "PostgreSQL refuses to run as root and there is no `postgres` OS user to run it as: install Debian's postgresql package (it creates the user) or run the tests as a normal user.",
    );
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Waits for the server's "ready" line; rejects with its log when it exits first (e.g. the port was taken meanwhile). */
function readiness(child: ChildProcess): Promise<void> {
  let log = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk;
      if (ready.test(log)) {
        child.stderr!.off('data', onData);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) =>
      reject(new Error(`postgres exited with ${code} before it was ready:\n${log}`));
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Starts a throwaway PostgreSQL. Throws when there are no binaries: guard the tests with `postgresSkipReason()`. */
export async function startTestPostgres(options: TestPostgresOptions = {}): Promise<TestPostgres> {
  const bin = findPostgresBinaries();
  if (!bin) throw new Error('No PostgreSQL binaries found; guard the test with postgresSkipReason().');
  const user = runAs();
  const dir = await mkdtemp(join(tmpdir(), 'klarmeld-pg-'));
  if (user) await chown(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  // The child runs in the temp folder: as `postgres` it may not read the caller's working directory.
  const spawnOptions = { cwd: dir, env: { PATH: process.env.PATH ?? '', LC_ALL: 'C', TZ: 'UTC' }, ...(user ?? {}) };
  try {
    execFileSync(bin.initdb, ['-D', data, '-U', 'klarmeld', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], {
      ...spawnOptions,
      stdio: 'pipe',
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`initdb failed in ${dir}: ${String((error as { stderr?: Buffer }).stderr ?? error)}`);
  }
  const settings = Object.entries({ ...fastSettings, ...options.settings }).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  let child: ChildProcess | undefined;
  let port = 0;
  // A free port can be taken between our probe and postgres's bind: try a few.
  for (let attempt = 1; !child; attempt++) {
    port = await freePort();
    const candidate = spawn(bin.postgres, ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, ...settings], {
      ...spawnOptions,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    try {
      await readiness(candidate);
      child = candidate;
    } catch (error) {
      if (attempt >= 5) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const server = child;
  // Keep the end of the server's log: when a test sees its connections dropped, the log says why.
  let logTail = '';
  server.stderr!.on('data', (chunk: Buffer) => (logTail = (logTail + chunk).slice(-8192)));
  // A test process that dies without stop() must not leave a server (or its folder) behind.
  const killOnExit = () => {
    server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once('exit', killOnExit);
  const url = (database: string) => `postgres://klarmeld@127.0.0.1:${port}/${database}`;
  let databases = 0;
  return {
    url: url('postgres'),
    port,
    pid: server.pid!,
    log: () => logTail,
    async createDatabase(name = `test_${process.pid}_${++databases}`) {
      const admin = new pg.Client({ connectionString: url('postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    async stop() {
      process.off('exit', killOnExit);
      const exited = exitOf(server);
      server.kill('SIGINT');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
