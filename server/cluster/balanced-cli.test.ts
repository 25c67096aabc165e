import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../testing/api-client.ts';
import { postgresSkipReason } from '../testing/postgres-binaries.ts';
import { sharedTestPostgres, type FileTestPostgres } from '../testing/shared-postgres.ts';
import { klarmeldProcess, startServerProcess, type ServerProcess } from './testing/server-process.ts';

const skip = postgresSkipReason();
const profile = fileURLToPath(new URL('../../examples/reference-system/klarmeld.yaml', import.meta.url));

/**
 * A load balancer as small as it gets: every request to the first backend that takes the
 * connection; a connection cut while it answers is cut towards the client too (as when the
 * instance behind dies mid-poll).
 */
async function balancer(backends: string[]): Promise<{ url: string; server: Server }> {
  const server = createServer((incoming, outgoing) => {
    const attempt = (i: number) => {
      if (i >= backends.length) return void outgoing.writeHead(502, { 'content-type': 'text/plain' }).end('no backend');
      const target = new URL(incoming.url ?? '/', backends[i]);
      const forward = request(target, { method: incoming.method, headers: incoming.headers }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
        answer.on('error', () => outgoing.socket?.destroy());
        answer.on('aborted', () => outgoing.socket?.destroy());
      });
      forward.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED' && !outgoing.headersSent) attempt(i + 1);
        else outgoing.socket?.destroy();
      });
      incoming.pipe(forward);
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe.skipIf(skip)(
  `klarmeld test --service behind a load balancer, the judging instance killed${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let postgres: FileTestPostgres;
    let dir: string;
    const instances: ServerProcess[] = [];
    let front: Server | undefined;
    beforeAll(async () => {
      postgres = await sharedTestPostgres();
      dir = await mkdtemp(join(tmpdir(), 'klarmeld-balanced-'));
    });
    afterAll(async () => {
      front?.closeAllConnections();
      front?.close();
      await Promise.all(instances.map((i) => i.stop()));
      await postgres?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it("ends with the server's run.instance-lost reason, not server-unreachable", async () => {
      const database = await postgres.createDatabase();
      const a = await startServerProcess({ dataDir: join(dir, 'a'), database, runLeaseSeconds: 2 });
      instances.push(a);
      const b = await startServerProcess({ dataDir: join(dir, 'b'), database, runLeaseSeconds: 2 });
      instances.push(b);
      const balanced = await balancer([a.url, b.url]);
      front = balanced.server;
      const admin = (await readFile(a.adminTokenFile, 'utf8')).trim();
      const supplier = (
        await api(b.url, admin, 'POST', '/api/identities', { role: 'supplier', cvr: '99990006', name: 'Leverandør A' })
      ).json.token;

      const cli = klarmeldProcess([
        'test',
        '--service',
        balanced.url,
        '--token',
        supplier,
        '--profile',
        profile,
        '--json',
      ]);
      // A judges it (the balancer sends everything to A while A lives); killed once its first test has ended.
      for (let after = 0; ;) {
        const page = await api(b.url, supplier, 'GET', `/api/runs`);
        const open = page.json.runs.find((r: { state: string }) => r.state === 'open');
        if (open) {
          const events = await api(b.url, supplier, 'GET', `/api/runs/${open.id}/events?after=${after}&waitMs=2000`);
          if (events.json.events.some((e: { type: string }) => e.type === 'test-end')) break;
          after = events.json.next;
        } else {
          await new Promise((resolve) => setTimeout(resolve, 100)); // polling for the run to open, not a guess at its timing
        }
      }
      await a.kill();

      const ended = await cli.done;
      expect(ended.exit, ended.stderr).toBe(3);
      const answer = JSON.parse(ended.stdout);
      expect(answer.error.code).toBe('server-run-failed');
      expect(answer.error.message).toMatch(
        /run\.instance-lost: the klarmeld server instance at http:\/\/127\.0\.0\.1:\d+, which judged run/,
      );
    }, 120_000);
  },
);
