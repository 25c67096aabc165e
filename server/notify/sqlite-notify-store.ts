/**
 * The notification store on SQLite: its tables in the server's sheet file, on a connection of
 * its own (opened as a SheetStore, so the sheet's tables exist and WAL and the busy timeout are
 * set as for every other writer of the file). node:sqlite is synchronous, so each method's
 * transaction runs to its end before any other code of this process touches the file.
 */
import { randomUUID } from 'node:crypto';
import { SheetStore } from '../../conformance/onboarding/index.ts';
import type { Row } from '../store/sqlite-rows.ts';
import type { NotifyStore } from './notify-store.ts';
import { subscriptionValues, toAttempt, toDelivery, toEvent, toSheetChange, toSubscription } from './notify-rows.ts';
import { notifySchemaSql } from './sqlite-notify-schema.ts';

/** The delivery log shows the newest deliveries, at most this many. */
export const deliveryLogLimit = 500;

export function openSqliteNotifyStore(path: string, options: { clock?: () => Date } = {}): NotifyStore {
  const clock = options.clock ?? (() => new Date());
  const sheet = SheetStore.open(path, { clock });
  const db = sheet.database;
  db.exec(notifySchemaSql);
  type Arg = string | number | null;
  const one = (sql: string, ...args: Arg[]) => db.prepare(sql).get(...args) as Row | undefined;
  const all = (sql: string, ...args: Arg[]) => db.prepare(sql).all(...args) as unknown as Row[];
  const atomically = <T>(work: () => T): T => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  };

  return {
    async addSubscription(s) {
      const row = one(
        'INSERT INTO notify_subscriptions (id, owner_id, owner_role, owner_name, owner_cvr, owner_municipality_code, channel, target, events, systems, secret, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *',
        ...(subscriptionValues({ ...s, createdAt: clock().toISOString() }) as Arg[]),
      );
      return toSubscription(row!);
    },
    async subscription(id) {
      const row = one('SELECT * FROM notify_subscriptions WHERE id = ?', id);
      return row ? toSubscription(row) : undefined;
    },
    async subscriptions(ownerId) {
      return (
        ownerId === undefined
          ? all('SELECT * FROM notify_subscriptions ORDER BY created_at, id')
          : all('SELECT * FROM notify_subscriptions WHERE owner_id = ? ORDER BY created_at, id', ownerId)
      ).map(toSubscription);
    },
    async cancelSubscription(id) {
      const now = clock().toISOString();
      return atomically(() => {
        const row = one(
          'UPDATE notify_subscriptions SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL RETURNING *',
          now,
          id,
        );
        if (row)
          db.prepare(
            "UPDATE notify_deliveries SET state = 'cancelled', finished_at = ? WHERE subscription_id = ? AND state = 'pending'",
          ).run(now, id);
        return row ? toSubscription(row) : undefined;
      });
    },

    async recordEvent(event, subscriptionIds) {
      const now = clock().toISOString();
      return atomically(() => {
        const inserted = one(
          'INSERT INTO notify_events (key, type, system_id, at, payload) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING RETURNING key',
          event.key,
          event.type,
          event.system ?? null,
          event.at,
          JSON.stringify(event.payload),
        );
        if (!inserted) return false;
        const insert = db.prepare(
          "INSERT INTO notify_deliveries (id, event_key, subscription_id, state, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, 'pending', 0, ?, ?)",
        );
        for (const id of subscriptionIds) insert.run(randomUUID(), event.key, id, now, now);
        return true;
      });
    },
    async event(key) {
      const row = one('SELECT * FROM notify_events WHERE key = ?', key);
      return row ? toEvent(row) : undefined;
    },
    async claimDue(now, leaseMs, limit) {
      const at = now.toISOString();
      const rows = atomically(() =>
        all(
          `UPDATE notify_deliveries SET lease_until = ? WHERE id IN (
           SELECT id FROM notify_deliveries WHERE state = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
           ORDER BY next_attempt_at LIMIT ?) RETURNING *`,
          new Date(now.getTime() + leaseMs).toISOString(),
          at,
          at,
          limit,
        ),
      );
      return rows.map((r) => ({
        delivery: toDelivery(r),
        event: toEvent(one('SELECT * FROM notify_events WHERE key = ?', String(r.event_key))!),
        subscription: toSubscription(
          one('SELECT * FROM notify_subscriptions WHERE id = ?', String(r.subscription_id))!,
        ),
      }));
    },
    async finishAttempt(deliveryId, { attempt, next }) {
      atomically(() => {
        db.prepare(
          'INSERT INTO notify_attempts (delivery_id, attempt, at, ok, status, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(
          deliveryId,
          attempt.attempt,
          attempt.at,
          attempt.ok ? 1 : 0,
          attempt.status ?? null,
          attempt.error ?? null,
          attempt.durationMs,
        );
        db.prepare(
          `UPDATE notify_deliveries SET attempts = ?, state = ?, lease_until = NULL, last_error = ?,
            next_attempt_at = COALESCE(?, next_attempt_at), finished_at = ? WHERE id = ? AND state = 'pending'`,
        ).run(
          attempt.attempt,
          next.state,
          attempt.error ?? null,
          next.state === 'pending' ? next.nextAttemptAt : null,
          next.state === 'pending' ? null : attempt.at,
          deliveryId,
        );
      });
    },
    async deliveries(subscriptionIds) {
      const only = subscriptionIds
        ? `WHERE d.subscription_id IN (${subscriptionIds.map(() => '?').join(', ') || "''"})`
        : '';
      const rows = all(
        `SELECT d.*, e.type FROM notify_deliveries d JOIN notify_events e ON e.key = d.event_key ${only} ORDER BY d.created_at DESC, d.id LIMIT ${deliveryLogLimit}`,
        ...(subscriptionIds ?? []),
      );
      return rows.map((r) => ({
        ...toDelivery(r),
        type: String(r.type),
        attemptLog: all('SELECT * FROM notify_attempts WHERE delivery_id = ? ORDER BY attempt', String(r.id)).map(
          toAttempt,
        ),
      }));
    },

    async prune(before) {
      const at = before.toISOString();
      return atomically(() => {
        const done = "SELECT id FROM notify_deliveries WHERE state <> 'pending' AND finished_at < ?";
        db.prepare(`DELETE FROM notify_attempts WHERE delivery_id IN (${done})`).run(at);
        const gone = Number(db.prepare(`DELETE FROM notify_deliveries WHERE id IN (${done})`).run(at).changes);
        db.prepare(
          'DELETE FROM notify_events WHERE at < ? AND NOT EXISTS (SELECT 1 FROM notify_deliveries d WHERE d.event_key = notify_events.key)',
        ).run(at);
        return gone;
      });
    },

    async cursor(name) {
      const row = one('SELECT value FROM notify_cursors WHERE name = ?', name);
      return row ? String(row.value) : undefined;
    },
    async setCursor(name, value) {
      db.prepare(
        'INSERT INTO notify_cursors (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
      ).run(name, value);
    },
    async sheetChangesAfter(seq, limit) {
      return all('SELECT * FROM status_events WHERE seq > ? ORDER BY seq LIMIT ?', seq, limit).map(toSheetChange);
    },
    async sheetChangeBefore(system, integration, seq) {
      const row = one(
        'SELECT * FROM status_events WHERE system = ? AND integration = ? AND seq < ? ORDER BY seq DESC LIMIT 1',
        system,
        integration,
        seq,
      );
      return row ? toSheetChange(row) : undefined;
    },
    async lastSheetSeq() {
      return Number(one('SELECT COALESCE(MAX(seq), 0) AS seq FROM status_events')!.seq);
    },

    async close() {
      sheet.close();
    },
  };
}
