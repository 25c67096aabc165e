/**
 * The behaviour every NotifyStore must have, run by the SQLite and the PostgreSQL store's tests:
 * an event is recorded once, a delivery is claimed by one claimer at a time and comes back when
 * its lease runs out (a dead instance), attempts build the delivery log, and all of it is there
 * after a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { NotifyStore } from '../notify-store.ts';

export interface NotifyHarness {
  open(): Promise<NotifyStore>;
  /** The same store opened again: what a restarted server sees. */
  reopen(): Promise<NotifyStore>;
  cleanup(): Promise<void>;
}

const owner = { id: 'id-acme', role: 'supplier' as const, name: 'Acme', cvr: '12345678' };
const event = (key: string) => ({
  key,
  type: 'status.changed' as const,
  system: 'a-sys',
  at: '2026-12-01T10:00:00.000Z',
  payload: { status: 'klarmeldt' },
});
const t = (iso: string) => new Date(iso);

export function describeNotifyStore(name: string, makeHarness: () => NotifyHarness): void {
  describe(`NotifyStore on ${name}`, () => {
    let harness: NotifyHarness;
    let store: NotifyStore | undefined;
    const open = async () => {
      harness = makeHarness();
      return (store = await harness.open());
    };
    afterEach(async () => {
      await store?.close();
      store = undefined;
      await harness?.cleanup();
    });

    it('records an event once, with one pending delivery per subscription', async () => {
      const s = await open();
      const hook = await s.addSubscription({
        id: 'sub-1',
        owner,
        channel: 'webhook',
        target: 'https://acme.example/hook',
        events: ['status.changed'],
        secret: 'whsec_x',
      });
      expect(hook).toMatchObject({ id: 'sub-1', owner, events: ['status.changed'], secret: 'whsec_x' });
      expect(await s.recordEvent(event('e1'), ['sub-1'])).toBe(true);
      expect(await s.recordEvent(event('e1'), ['sub-1'])).toBe(false);
      const log = await s.deliveries(['sub-1']);
      expect(log.map((d) => [d.eventKey, d.state, d.type, d.attempts])).toEqual([
        ['e1', 'pending', 'status.changed', 0],
      ]);
      expect(await s.deliveries(['sub-other'])).toEqual([]);
      expect((await s.event('e1'))?.payload).toEqual({ status: 'klarmeldt' });
    });

    it('lets one claimer have a due delivery until its lease runs out, and keeps every attempt', async () => {
      const s = await open();
      await s.addSubscription({
        id: 'sub-1',
        owner,
        channel: 'webhook',
        target: 'https://acme.example/hook',
        events: ['status.changed'],
      });
      await s.recordEvent(event('e1'), ['sub-1']);
      const now = t('2099-01-01T00:00:00.000Z');
      const [claimed] = await s.claimDue(now, 60_000, 10);
      expect(claimed).toMatchObject({
        event: { key: 'e1' },
        subscription: { id: 'sub-1', target: 'https://acme.example/hook' },
      });
      expect(await s.claimDue(now, 60_000, 10)).toEqual([]);
      // The claimer died: after its lease another takes the delivery over.
      const later = t('2099-01-01T00:01:00.000Z');
      const [again] = await s.claimDue(later, 60_000, 10);
      expect(again?.delivery.id).toBe(claimed!.delivery.id);
      await s.finishAttempt(again!.delivery.id, {
        attempt: { attempt: 1, at: later.toISOString(), ok: false, status: 500, error: 'HTTP 500', durationMs: 3 },
        next: { state: 'pending', nextAttemptAt: '2099-01-01T00:05:00.000Z' },
      });
      expect(await s.claimDue(t('2099-01-01T00:04:59.000Z'), 60_000, 10)).toEqual([]);
      const [third] = await s.claimDue(t('2099-01-01T00:05:00.000Z'), 60_000, 10);
      await s.finishAttempt(third!.delivery.id, {
        attempt: { attempt: 2, at: '2099-01-01T00:05:00.000Z', ok: true, status: 204, durationMs: 2 },
        next: { state: 'delivered' },
      });
      await s.close();
      store = await harness.reopen();
      const [logged] = await store.deliveries();
      expect(logged).toMatchObject({ state: 'delivered', attempts: 2, finishedAt: '2099-01-01T00:05:00.000Z' });
      expect(logged!.attemptLog.map((a) => [a.attempt, a.ok, a.status])).toEqual([
        [1, false, 500],
        [2, true, 204],
      ]);
      expect(await store.claimDue(t('2100-01-01T00:00:00.000Z'), 60_000, 10)).toEqual([]);
    });

    it('cancels a subscription and its pending deliveries', async () => {
      const s = await open();
      await s.addSubscription({
        id: 'sub-1',
        owner,
        channel: 'email',
        target: 'ops@acme.example',
        events: ['certificate.expiring'],
        systems: ['a-sys'],
      });
      await s.recordEvent(event('e1'), ['sub-1']);
      expect((await s.cancelSubscription('sub-1'))?.cancelledAt).toBeDefined();
      expect(await s.cancelSubscription('sub-1')).toBeUndefined();
      expect((await s.deliveries()).map((d) => d.state)).toEqual(['cancelled']);
      expect(await s.claimDue(t('2099-01-01T00:00:00.000Z'), 1000, 10)).toEqual([]);
      expect((await s.subscriptions('id-acme')).map((x) => x.systems)).toEqual([['a-sys']]);
    });

    it('prunes finished deliveries older than the retention, keeping pending ones and newer ones', async () => {
      const s = await open();
      await s.addSubscription({
        id: 'sub-1',
        owner,
        channel: 'webhook',
        target: 'https://acme.example/hook',
        events: ['status.changed'],
      });
      await s.recordEvent(event('old'), ['sub-1']);
      await s.recordEvent(event('waiting'), ['sub-1']);
      const [first] = await s.claimDue(t('2099-01-01T00:00:00.000Z'), 60_000, 1);
      await s.finishAttempt(first!.delivery.id, {
        attempt: { attempt: 1, at: '2099-01-01T00:00:00.000Z', ok: true, status: 204, durationMs: 1 },
        next: { state: 'delivered' },
      });
      expect(await s.prune(t('2099-01-01T00:00:00.000Z'))).toBe(0);
      expect(await s.prune(t('2099-06-01T00:00:00.000Z'))).toBe(1);
      expect((await s.deliveries()).map((d) => [d.eventKey, d.state])).toEqual([
        [first!.event.key === 'old' ? 'waiting' : 'old', 'pending'],
      ]);
      expect(await s.event(first!.event.key)).toBeUndefined();
    });

    it('keeps cursors and reads the sheet after one', async () => {
      const s = await open();
      expect(await s.cursor('sheet')).toBeUndefined();
      await s.setCursor('sheet', '3');
      await s.setCursor('sheet', '4');
      expect(await s.cursor('sheet')).toBe('4');
      expect(await s.lastSheetSeq()).toBe(0);
      expect(await s.sheetChangesAfter(0, 10)).toEqual([]);
    });
  });
}
