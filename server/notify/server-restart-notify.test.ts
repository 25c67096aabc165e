import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import { startServer, type ServerOptions } from '../start-server.ts';
import { api } from '../testing/api-client.ts';
import { eventually } from './testing/eventually.ts';
import { startWebhookReceiver } from './testing/webhook-receiver.ts';

it('a delivery still pending when the server stops is sent by the server started again on the same data', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'klarmeld-notify-restart-'));
  const statuses = [500];
  const hook = await startWebhookReceiver(statuses);
  const options: ServerOptions = {
    dataDir: dir,
    catalog: (await loadCatalog()).catalog,
    notify: { intervalMs: 50, retry: { baseMs: 200, capMs: 200, maxAttempts: 100 } },
  };
  let server = await startServer(options);
  try {
    const kombit = readFileSync(server.adminToken.file, 'utf8').trim();
    await api(server.url, kombit, 'POST', '/api/subscriptions', { url: hook.url, events: ['status.changed'] });
    await server.store.appendRunEvents('run-1', [
      {
        system: 'journalix',
        integration: 'SF1520',
        status: 'klarmeldt',
        actor: 'server',
        source: 'run',
        evidence: { runId: 'run-1', digest: 'd'.repeat(64) },
      },
    ]);
    await eventually(
      () => api(server.url, kombit, 'GET', '/api/deliveries'),
      (r) => r.json.deliveries[0]?.attempts >= 1,
    );
    await server.stop();
    // While it is down the receiver recovers; the new server finds the delivery pending and sends it.
    statuses.splice(0, 1, 204);
    server = await startServer(options);
    const [delivery] = (
      await eventually(
        () => api(server.url, kombit, 'GET', '/api/deliveries'),
        (r) => r.json.deliveries[0]?.state === 'delivered',
      )
    ).json.deliveries;
    const codes = delivery.attemptLog.map((a: { status: number }) => a.status);
    expect(codes.at(-1)).toBe(204);
    expect(codes.slice(0, -1).every((c: number) => c === 500) && codes.length >= 2).toBe(true);
    expect(new Set(hook.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([delivery.id]));
  } finally {
    await server.stop();
    await hook.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
