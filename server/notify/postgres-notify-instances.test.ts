/**
 * Two instances on one PostgreSQL database, each with its own notifier, find the same status
 * change at once: the event is recorded once and each subscription gets one delivery, sent by
 * one of them. (A delivery whose instance died while sending it is taken over when its lease
 * runs out: the store contract tests that.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { openPostgresServerStore } from '../store/postgres-server-store.ts';
import { postgresSkipReason } from '../testing/postgres-binaries.ts';
import { sharedTestPostgres, type FileTestPostgres } from '../testing/shared-postgres.ts';
import { Notifier } from './notifier.ts';
import { openPostgresNotifyStore } from './postgres-notify-store.ts';
import { startWebhookReceiver } from './testing/webhook-receiver.ts';
import { newWebhookSecret } from './webhook-signature.ts';

const skip = postgresSkipReason();

describe.skipIf(skip)(`notifications on two instances sharing PostgreSQL${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let postgres: FileTestPostgres;
  let catalog: Catalog;
  beforeAll(async () => {
    [postgres, catalog] = await Promise.all([sharedTestPostgres(), loadCatalog().then((l) => l.catalog)]);
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
  });

  it('records an event found by both once, and sends each delivery once', async () => {
    const url = await postgres.createDatabase();
    const hook = await startWebhookReceiver();
    let now = new Date('2026-12-02T10:00:00.000Z');
    const clock = () => now;
    const instances = await Promise.all(
      [0, 1].map(async () => {
        const server = await openPostgresServerStore(url, { clock });
        const store = await openPostgresNotifyStore(url, { clock });
        const notifier = new Notifier({
          store,
          server,
          catalog,
          suiteVersions: {},
          certificateOf: async () => undefined,
          clock,
        });
        return { server, store, notifier };
      }),
    );
    try {
      const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
      await a.store.addSubscription({
        id: 'kombit-hook',
        owner: { id: 'k', role: 'kombit', name: 'KOMBIT' },
        channel: 'webhook',
        target: hook.url,
        events: ['status.changed'],
        secret: newWebhookSecret(),
      });
      await a.store.addSubscription({
        id: 'kombit-mail',
        owner: { id: 'k', role: 'kombit', name: 'KOMBIT' },
        channel: 'email',
        target: 'ops@kombit.example',
        events: ['status.changed'],
      });
      await Promise.all([a.notifier.check(), b.notifier.check()]);
      for (const run of ['run-1', 'run-2']) {
        await a.server.appendRunEvents(run, [
          {
            system: 'journalix',
            integration: 'SF1520',
            status: run === 'run-1' ? 'klarmeldt' : 'ikke-klarmeldt',
            actor: 'server',
            source: 'run',
            evidence: { runId: run, digest: 'd'.repeat(64) },
          },
        ]);
      }
      const found = await Promise.all([a.notifier.check(), b.notifier.check()]);
      expect(
        found
          .flat()
          .map((e) => e.key)
          .sort(),
      ).toEqual(['agreement.waiting:1', 'status.changed:1', 'status.changed:2']);
      const log = await a.store.deliveries();
      expect(log.filter((d) => d.subscriptionId === 'kombit-hook').map((d) => [d.state, d.attempts])).toEqual([
        ['delivered', 1],
        ['delivered', 1],
      ]);
      expect(hook.received).toHaveLength(2);
      expect(new Set(hook.received.map((r) => r.headers['webhook-id'])).size).toBe(2);
      // Neither instance has SMTP: the e-mails wait, each tried once, by one instance, and are retried after the back-off.
      expect(log.filter((d) => d.subscriptionId === 'kombit-mail').map((d) => [d.state, d.attempts])).toEqual([
        ['pending', 1],
        ['pending', 1],
      ]);
      now = new Date(now.getTime() + 10_000);
      await Promise.all([a.notifier.deliver(), b.notifier.deliver()]);
      expect(
        (await b.store.deliveries()).filter((d) => d.subscriptionId === 'kombit-mail').map((d) => d.attempts),
      ).toEqual([2, 2]);
    } finally {
      await hook.close();
      for (const i of instances) await Promise.all([i.store.close(), i.server.close()]);
    }
  }, 60_000);
});
