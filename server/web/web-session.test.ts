import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../index.ts';
import { postgresSkipReason } from '../testing/postgres-binaries.ts';
import { sharedTestPostgres, type FileTestPostgres } from '../testing/shared-postgres.ts';
import { csrfMatches, csrfToken, openSession, sealSession, sessionKeys, sessionSeconds } from './web-session.ts';

const skip = postgresSkipReason();

// Two instances on one database behind a load balancer (each with its own data folder and signing
// key): a session made on one holds on the other; a server on another database does not accept it.
describe.each([['one SQLite file'], ['PostgreSQL']])('web sessions across instances on %s', (kind) => {
  let dir: string;
  let postgres: FileTestPostgres | undefined;
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'klarmeld-web-session-'));
    if (kind === 'PostgreSQL' && skip) return;
    postgres = kind === 'PostgreSQL' ? await sharedTestPostgres() : undefined;
    const database = postgres ? await postgres.createDatabase() : join(dir, 'shared.sqlite');
    servers.push(await startServer({ dataDir: join(dir, 'a'), database }));
    servers.push(await startServer({ dataDir: join(dir, 'b'), database }));
    servers.push(await startServer({ dataDir: join(dir, 'other') }));
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await postgres?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(kind === 'PostgreSQL' && skip !== undefined)(
    'signs in on one instance and is signed in on the other, but not on a server with another database',
    async () => {
      const [a, b, other] = servers as [RunningServer, RunningServer, RunningServer];
      const token = (await readFile(a.adminToken.file, 'utf8')).trim();
      const signIn = await fetch(new URL('/sign-in', a.url), {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({ token }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      const matrix = (server: RunningServer) =>
        fetch(new URL('/matrix', server.url), { redirect: 'manual', headers: { cookie } });
      expect((await matrix(a)).status).toBe(200);
      const onB = await matrix(b);
      expect(onB.status).toBe(200);
      expect(await onB.text()).toContain('<h1>Klarmeldingsmatrix</h1>');
      expect((await matrix(other)).status).toBe(303);
    },
  );
});

describe('a session cookie', () => {
  const keys = sessionKeys(Buffer.alloc(32, 7));
  const hash = 'ab'.repeat(32);
  const at = new Date('2026-12-02T08:00:00Z');

  it('opens to the token hash until it expires, and not after', () => {
    const value = sealSession(keys, hash, at);
    expect(value).not.toContain('kmt_');
    expect(openSession(keys, value, new Date(at.getTime() + (sessionSeconds - 1) * 1000))).toBe(hash);
    expect(openSession(keys, value, new Date(at.getTime() + sessionSeconds * 1000))).toBeUndefined();
  });

  it('does not open when made with another secret or when any part is changed', () => {
    const value = sealSession(keys, hash, at);
    expect(openSession(sessionKeys(Buffer.alloc(32, 8)), value, at)).toBeUndefined();
    expect(openSession(keys, value.replace(hash, 'cd'.repeat(32)), at)).toBeUndefined();
    expect(openSession(keys, `${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`, at)).toBeUndefined();
    expect(openSession(keys, undefined, at)).toBeUndefined();
  });

  it('takes the CSRF token of its own session only', () => {
    const mine = sealSession(keys, hash, at);
    const other = sealSession(keys, 'cd'.repeat(32), at);
    expect(csrfMatches(keys, mine, csrfToken(keys, mine))).toBe(true);
    expect(csrfMatches(keys, mine, csrfToken(keys, other))).toBe(false);
    expect(csrfMatches(keys, mine, undefined)).toBe(false);
  });
});
