import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { deliverDue } from './dispatcher.ts';
import type { NotifyStore } from './notify-store.ts';
import { retryDelayMs } from './retry-policy.ts';
import { sendWebhook } from './send-webhook.ts';
import { openSqliteNotifyStore } from './sqlite-notify-store.ts';
import { startWebhookReceiver } from './testing/webhook-receiver.ts';
import { newWebhookSecret, verifyWebhook } from './webhook-signature.ts';

let dir: string;
let store: NotifyStore;
let now: Date;
const clock = () => now;
const at = (seconds: number) => (now = new Date(Date.parse('2026-12-02T10:00:00.000Z') + seconds * 1000));
const retry = { baseMs: 10_000, capMs: 40_000, maxAttempts: 4 };
const owner = { id: 'id-kombit', role: 'kombit' as const, name: 'KOMBIT' };
const event = {
  key: 'status.changed:a-sys:SF1520:7',
  type: 'status.changed' as const,
  system: 'a-sys',
  at: '2026-12-02T09:59:00.000Z',
  payload: {
    system: { id: 'a-sys', name: 'A' },
    integration: 'SF1520',
    status: 'klarmeldt',
    label: 'Klarmeldt',
    labelEn: 'Declared ready',
  },
};
const deliver = () => deliverDue({ store, clock, retry, webhook: (due, when) => sendWebhook(due, when, 5_000) });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'klarmeld-dispatcher-'));
  store = openSqliteNotifyStore(join(dir, 'sheet.sqlite'), { clock });
  at(0);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('backs off exponentially up to the cap, and stops after the last attempt', () => {
  expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, { baseMs: 10_000, capMs: 30_000, maxAttempts: 5 }))).toEqual([
    10_000,
    20_000,
    30_000,
    30_000,
    undefined,
  ]);
});

it('retries a failing hook after the back-off, goes on after a restart, and signs every attempt of one delivery alike', async () => {
  const receiver = await startWebhookReceiver([500, 503, 204]);
  try {
    const secret = newWebhookSecret();
    await store.addSubscription({
      id: 'sub-1',
      owner,
      channel: 'webhook',
      target: receiver.url,
      events: ['status.changed'],
      secret,
    });
    await store.recordEvent(event, ['sub-1']);
    expect(await deliver()).toBe(1);
    expect(await deliver()).toBe(0);
    at(9.999);
    expect(await deliver()).toBe(0);
    at(10);
    expect(await deliver()).toBe(1);
    // The server stops before the third attempt is due; the new one finds the delivery pending.
    await store.close();
    store = openSqliteNotifyStore(join(dir, 'sheet.sqlite'), { clock });
    at(29);
    expect(await deliver()).toBe(0);
    at(30);
    expect(await deliver()).toBe(1);
    const [log] = await store.deliveries(['sub-1']);
    expect(log).toMatchObject({ state: 'delivered', attempts: 3 });
    expect(log!.attemptLog.map((a) => [a.at, a.ok, a.status])).toEqual([
      ['2026-12-02T10:00:00.000Z', false, 500],
      ['2026-12-02T10:00:10.000Z', false, 503],
      ['2026-12-02T10:00:30.000Z', true, 204],
    ]);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([log!.id]));
    const last = receiver.received[2]!;
    expect(JSON.parse(last.body)).toMatchObject({
      type: 'status.changed',
      timestamp: event.at,
      data: { status: 'klarmeldt', message: { da: expect.stringContaining('til Klarmeldt') } },
    });
    expect(last.headers['webhook-timestamp']).toBe(String(Date.parse('2026-12-02T10:00:30.000Z') / 1000));
    const headers = last.headers as Record<string, string>;
    expect(verifyWebhook(secret, headers, last.body, now)).toBe(true);
    expect(verifyWebhook(secret, headers, last.body.replace('klarmeldt', 'ikke-klarmeldt'), now)).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), headers, last.body, now)).toBe(false);
    expect(verifyWebhook(secret, headers, last.body, new Date(now.getTime() + 301_000))).toBe(false);
  } finally {
    await receiver.close();
  }
});

it('gives up after the last attempt on a receiver nobody listens on, and says why in the log', async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  await store.addSubscription({
    id: 'sub-1',
    owner,
    channel: 'webhook',
    target: `http://127.0.0.1:${port}/hook`,
    events: ['status.changed'],
    secret: newWebhookSecret(),
  });
  await store.recordEvent(event, ['sub-1']);
  for (const seconds of [0, 10, 30, 70, 110, 1000]) {
    at(seconds);
    await deliver();
  }
  const [log] = await store.deliveries();
  expect(log).toMatchObject({ state: 'failed', attempts: 4, lastError: expect.stringContaining('ECONNREFUSED') });
  // 10 s, 20 s, then the cap of 40 s.
  expect(log!.attemptLog.map((a) => a.at.slice(11, 19))).toEqual(['10:00:00', '10:00:10', '10:00:30', '10:01:10']);
});

it('does not retry a receiver that answers 410 Gone, nor an e-mail when no SMTP server is configured … until one is', async () => {
  const receiver = await startWebhookReceiver([410]);
  try {
    await store.addSubscription({
      id: 'hook',
      owner,
      channel: 'webhook',
      target: receiver.url,
      events: ['status.changed'],
      secret: newWebhookSecret(),
    });
    await store.addSubscription({
      id: 'mail',
      owner,
      channel: 'email',
      target: 'ops@kombit.example',
      events: ['status.changed'],
    });
    await store.recordEvent(event, ['hook', 'mail']);
    await deliver();
    const log = await store.deliveries();
    expect(Object.fromEntries(log.map((d) => [d.subscriptionId, [d.state, d.lastError]]))).toEqual({
      hook: ['failed', 'the receiver answered HTTP 410'],
      mail: ['pending', expect.stringContaining('--smtp smtp://host:port')],
    });
  } finally {
    await receiver.close();
  }
});
