import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../index.ts';

// Two instances on one database (here one SQLite file) behind a load balancer: a session made on
// one holds on the other; an instance on another database does not accept it.
describe('web sessions across instances', () => {
  let dir: string;
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'klarmeld-web-session-'));
    const database = join(dir, 'shared.sqlite');
    servers.push(await startServer({ dataDir: join(dir, 'a'), database }));
    servers.push(await startServer({ dataDir: join(dir, 'b'), database }));
    servers.push(await startServer({ dataDir: join(dir, 'other') }));
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('signs in on one instance and is signed in on the other, but not on a server with another database', async () => {
    const [a, b, other] = servers as [RunningServer, RunningServer, RunningServer];
    const token = (await readFile(a.adminToken.file, 'utf8')).trim();
    const signIn = await fetch(new URL('/sign-in', a.url), { method: 'POST', redirect: 'manual', body: new URLSearchParams({ token }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const matrix = (server: RunningServer) => fetch(new URL('/matrix', server.url), { redirect: 'manual', headers: { cookie } });
    expect((await matrix(a)).status).toBe(200);
    const onB = await matrix(b);
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain('<h1>Klarmeldingsmatrix</h1>');
    expect((await matrix(other)).status).toBe(303);
  });
});
