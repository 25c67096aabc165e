import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { startServer, type RunningServer } from '../start-server.ts';
import { api } from '../testing/api-client.ts';
import { startSmtpRecorder, type SmtpRecorder } from './testing/smtp-recorder.ts';
import { eventually } from './testing/eventually.ts';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver.ts';
import { verifyWebhook } from './webhook-signature.ts';

let dir: string;
let server: RunningServer;
let hook: WebhookReceiver;
let smtp: SmtpRecorder;
let catalog: Catalog;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'klarmeld-server-notify-'));
  catalog = (await loadCatalog()).catalog;
  [hook, smtp] = await Promise.all([startWebhookReceiver(), startSmtpRecorder()]);
  server = await startServer({
    dataDir: dir,
    catalog,
    notify: { smtp: smtp.url, from: 'klarmeld@kombit.example', intervalMs: 50 },
  });
  tokens.kombit = readFileSync(server.adminToken.file, 'utf8').trim();
  const user = catalog.municipalities.find(
    (m) => m.cvr === catalog.systems.find((s) => s.id === 'journalix')!.municipalities[0],
  )!;
  for (const [name, body] of [
    ['a', { role: 'supplier', cvr: '99990005' }],
    ['b', { role: 'supplier', cvr: '99990001' }],
    ['m', { role: 'municipality', municipalityCode: user.code }],
  ] as const) {
    tokens[name] = (await api(server.url, tokens.kombit, 'POST', '/api/identities', body)).json.token;
  }
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await Promise.all([hook?.close(), smtp?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

it("subscriptions for what each may read: the server signs KOMBIT's webhook, sends the supplier's e-mail, and logs both", async () => {
  // Only KOMBIT may name a plain http:// receiver on the server's own machine.
  expect(
    (await api(server.url, tokens.a, 'POST', '/api/subscriptions', { url: hook.url, events: ['status.changed'] })).json
      .message,
  ).toMatch(/must be an https:\/\/ URL/);
  const hooked = await api(server.url, tokens.kombit, 'POST', '/api/subscriptions', {
    url: hook.url,
    events: ['status.changed'],
    systems: ['journalix'],
  });
  expect(hooked.status).toBe(201);
  expect(hooked.json.secret).toMatch(/^whsec_/);
  expect(hooked.json.subscription.secret).toBeUndefined();
  const mailed = await api(server.url, tokens.a, 'POST', '/api/subscriptions', {
    email: 'drift@supplier5.example',
    events: ['status.changed'],
    systems: ['journalix'],
  });
  expect(mailed.status).toBe(201);

  const other = await api(server.url, tokens.b, 'POST', '/api/subscriptions', {
    email: 'x@b.example',
    events: ['status.changed'],
    systems: ['journalix'],
  });
  expect(other).toMatchObject({
    status: 403,
    json: {
      code: 'api.forbidden',
      message: expect.stringMatching(
        /may not hear of journalix: journalix belongs to supplier CVR 99990005\. .* may register and read its own systems/,
      ),
    },
  });
  expect(
    (
      await api(server.url, tokens.m, 'POST', '/api/subscriptions', {
        email: 'it@k.example',
        events: ['certificate.expiring'],
      })
    ).status,
  ).toBe(403);
  expect(
    (
      await api(server.url, tokens.kombit, 'POST', '/api/subscriptions', {
        url: 'http://acme.example/hook',
        events: ['status.changed'],
      })
    ).json.message,
  ).toMatch(/must be an https:\/\/ URL/);

  await server.store.appendRunEvents('run-1', [
    {
      system: 'journalix',
      integration: 'SF1520',
      status: 'klarmeldt',
      actor: 'server',
      source: 'run',
      evidence: { runId: 'run-1', digest: 'd'.repeat(64), keyTrusted: true },
    },
  ]);
  const request = await hook.request(1);
  expect(verifyWebhook(hooked.json.secret, request.headers as Record<string, string>, request.body, new Date())).toBe(
    true,
  );
  expect(JSON.parse(request.body)).toMatchObject({
    type: 'status.changed',
    data: { system: { id: 'journalix' }, status: 'klarmeldt' },
  });
  expect((await smtp.message(1)).to).toEqual(['drift@supplier5.example']);

  const delivered = (r: { json: { deliveries: { state: string }[] } }) =>
    r.json.deliveries.length > 0 && r.json.deliveries.every((d) => d.state === 'delivered');
  const log = await eventually(() => api(server.url, tokens.a, 'GET', '/api/deliveries'), delivered);
  expect(
    log.json.deliveries.map((d: any) => [d.subscriptionId, d.state, d.attemptLog.map((a: any) => a.status)]),
  ).toEqual([[mailed.json.subscription.id, 'delivered', [250]]]);
  expect(log.json.notifier).toBeUndefined();
  const all = await eventually(
    () => api(server.url, tokens.kombit, 'GET', '/api/deliveries'),
    (r) => delivered(r) && r.json.notifier.lastCheckAt !== undefined,
  );
  expect(
    all.json.deliveries.map((d: any) => [d.subscriptionId, d.attemptLog.map((a: any) => a.status)]).sort(),
  ).toEqual(
    [
      [hooked.json.subscription.id, [204]],
      [mailed.json.subscription.id, [250]],
    ].sort(),
  );
  expect(all.json.notifier.lastError).toBeUndefined();
  expect((await api(server.url, tokens.b, 'GET', '/api/deliveries')).json.deliveries).toEqual([]);
  expect(
    (await api(server.url, tokens.b, 'GET', `/api/deliveries?subscription=${mailed.json.subscription.id}`)).status,
  ).toBe(403);
  expect(
    (await api(server.url, tokens.b, 'POST', `/api/subscriptions/${mailed.json.subscription.id}/cancel`)).status,
  ).toBe(403);
  expect(
    (await api(server.url, tokens.a, 'POST', `/api/subscriptions/${mailed.json.subscription.id}/cancel`)).json
      .subscription.cancelledAt,
  ).toBeDefined();
  const history = (await api(server.url, tokens.kombit, 'GET', '/api/history')).json.history.map(
    (h: { action: string }) => h.action,
  );
  expect(history.filter((a: string) => a.startsWith('subscription.'))).toEqual([
    'subscription.add',
    'subscription.add',
    'subscription.cancel',
  ]);
});
