/**
 * The notification store on PostgreSQL (`--database postgres://…`): its tables come with the
 * server's migrations (004-notify.sql); it keeps a small pool of its own. Claims use FOR UPDATE
 * SKIP LOCKED, so instances sharing the database never send one delivery at once.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../store/postgres-migrate.ts';
import { asSqliteRow } from '../store/postgres-rows.ts';
import { transaction } from '../store/postgres-transaction.ts';
import type { NotifyStore } from './notify-store.ts';
import { subscriptionValues, toAttempt, toDelivery, toEvent, toSheetChange, toSubscription } from './notify-rows.ts';
import { deliveryLogLimit } from './sqlite-notify-store.ts';

export async function openPostgresNotifyStore(
  url: string,
  options: { clock?: () => Date; maxConnections?: number } = {},
): Promise<NotifyStore> {
  const clock = options.clock ?? (() => new Date());
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 3 });
  pool.on('error', () => undefined);
  try {
    // The server's store migrated already when it opened first; alone (tests), this brings the tables.
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const one = async (sql: string, args: unknown[]) => {
    const row = (await pool.query(sql, args)).rows[0] as Record<string, unknown> | undefined;
    return row ? asSqliteRow(row) : undefined;
  };
  const all = async (sql: string, args: unknown[] = []) => (await pool.query(sql, args)).rows.map(asSqliteRow);

  return {
    async addSubscription(s) {
      return toSubscription(
        (await one(
          'INSERT INTO notify_subscriptions (id, owner_id, owner_role, owner_name, owner_cvr, owner_municipality_code, channel, target, events, systems, secret, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *',
          subscriptionValues({ ...s, createdAt: clock().toISOString() }),
        ))!,
      );
    },
    async subscription(id) {
      const row = await one('SELECT * FROM notify_subscriptions WHERE id = $1', [id]);
      return row ? toSubscription(row) : undefined;
    },
    async subscriptions(ownerId) {
      return (
        await all(
          'SELECT * FROM notify_subscriptions WHERE $1::text IS NULL OR owner_id = $1 ORDER BY created_at, id',
          [ownerId ?? null],
        )
      ).map(toSubscription);
    },
    async cancelSubscription(id) {
      const now = clock().toISOString();
      return transaction(pool, async (client) => {
        const row = (
          await client.query(
            'UPDATE notify_subscriptions SET cancelled_at = $1 WHERE id = $2 AND cancelled_at IS NULL RETURNING *',
            [now, id],
          )
        ).rows[0];
        if (row)
          await client.query(
            "UPDATE notify_deliveries SET state = 'cancelled', finished_at = $1 WHERE subscription_id = $2 AND state = 'pending'",
            [now, id],
          );
        return row ? toSubscription(asSqliteRow(row)) : undefined;
      });
    },

    async recordEvent(event, subscriptionIds) {
      const now = clock().toISOString();
      return transaction(pool, async (client) => {
        const inserted = await client.query(
          'INSERT INTO notify_events (key, type, system_id, at, payload) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING RETURNING key',
          [event.key, event.type, event.system ?? null, event.at, JSON.stringify(event.payload)],
        );
        if (inserted.rowCount === 0) return false;
        if (subscriptionIds.length > 0) {
          await client.query(
            `INSERT INTO notify_deliveries (id, event_key, subscription_id, state, attempts, next_attempt_at, created_at)
            SELECT id, $2, subscription_id, 'pending', 0, $3, $3 FROM unnest($1::text[], $4::text[]) AS d (id, subscription_id)`,
            [subscriptionIds.map(() => randomUUID()), event.key, now, subscriptionIds],
          );
        }
        return true;
      });
    },
    async event(key) {
      const row = await one('SELECT * FROM notify_events WHERE key = $1', [key]);
      return row ? toEvent(row) : undefined;
    },
    async claimDue(now, leaseMs, limit) {
      const rows = await all(
        `WITH due AS (
           SELECT id FROM notify_deliveries WHERE state = 'pending' AND next_attempt_at <= $2 AND (lease_until IS NULL OR lease_until <= $2)
           ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
         UPDATE notify_deliveries d SET lease_until = $1 FROM due WHERE d.id = due.id RETURNING d.*`,
        [new Date(now.getTime() + leaseMs).toISOString(), now.toISOString(), limit],
      );
      if (rows.length === 0) return [];
      const events = new Map(
        (await all('SELECT * FROM notify_events WHERE key = ANY ($1)', [rows.map((r) => String(r.event_key))])).map(
          (r) => [String(r.key), toEvent(r)],
        ),
      );
      const subscriptions = new Map(
        (
          await all('SELECT * FROM notify_subscriptions WHERE id = ANY ($1)', [
            rows.map((r) => String(r.subscription_id)),
          ])
        ).map((r) => [String(r.id), toSubscription(r)]),
      );
      return rows.map((r) => ({
        delivery: toDelivery(r),
        event: events.get(String(r.event_key))!,
        subscription: subscriptions.get(String(r.subscription_id))!,
      }));
    },
    async finishAttempt(deliveryId, { attempt, next }) {
      await transaction(pool, async (client) => {
        await client.query(
          'INSERT INTO notify_attempts (delivery_id, attempt, at, ok, status, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [
            deliveryId,
            attempt.attempt,
            attempt.at,
            attempt.ok,
            attempt.status ?? null,
            attempt.error ?? null,
            attempt.durationMs,
          ],
        );
        await client.query(
          `UPDATE notify_deliveries SET attempts = $1, state = $2, lease_until = NULL, last_error = $3,
            next_attempt_at = COALESCE($4, next_attempt_at), finished_at = $5 WHERE id = $6 AND state = 'pending'`,
          [
            attempt.attempt,
            next.state,
            attempt.error ?? null,
            next.state === 'pending' ? next.nextAttemptAt : null,
            next.state === 'pending' ? null : attempt.at,
            deliveryId,
          ],
        );
      });
    },
    async deliveries(subscriptionIds) {
      const rows = await all(
        `SELECT d.*, e.type FROM notify_deliveries d JOIN notify_events e ON e.key = d.event_key
        WHERE $1::text[] IS NULL OR d.subscription_id = ANY ($1) ORDER BY d.created_at DESC, d.id LIMIT ${deliveryLogLimit}`,
        [subscriptionIds ?? null],
      );
      const attempts = await all('SELECT * FROM notify_attempts WHERE delivery_id = ANY ($1) ORDER BY attempt', [
        rows.map((r) => String(r.id)),
      ]);
      return rows.map((r) => ({
        ...toDelivery(r),
        type: String(r.type),
        attemptLog: attempts.filter((a) => a.delivery_id === r.id).map(toAttempt),
      }));
    },

    async prune(before) {
      return transaction(pool, async (client) => {
        const done = "SELECT id FROM notify_deliveries WHERE state <> 'pending' AND finished_at < $1";
        await client.query(`DELETE FROM notify_attempts WHERE delivery_id IN (${done})`, [before.toISOString()]);
        const gone =
          (await client.query(`DELETE FROM notify_deliveries WHERE id IN (${done})`, [before.toISOString()]))
            .rowCount ?? 0;
        await client.query(
          'DELETE FROM notify_events e WHERE e.at < $1 AND NOT EXISTS (SELECT 1 FROM notify_deliveries d WHERE d.event_key = e.key)',
          [before.toISOString()],
        );
        return gone;
      });
    },

    async cursor(name) {
      const row = await one('SELECT value FROM notify_cursors WHERE name = $1', [name]);
      return row ? String(row.value) : undefined;
    },
    async setCursor(name, value) {
      await pool.query(
        'INSERT INTO notify_cursors (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
        [name, value],
      );
    },
    async sheetChangesAfter(seq, limit) {
      return (await all('SELECT * FROM status_events WHERE seq > $1 ORDER BY seq LIMIT $2', [seq, limit])).map(
        toSheetChange,
      );
    },
    async sheetChangeBefore(system, integration, seq) {
      const row = await one(
        'SELECT * FROM status_events WHERE system = $1 AND integration = $2 AND seq < $3 ORDER BY seq DESC LIMIT 1',
        [system, integration, seq],
      );
      return row ? toSheetChange(row) : undefined;
    },
    async lastSheetSeq() {
      return Number((await one('SELECT COALESCE(MAX(seq), 0) AS seq FROM status_events', []))!.seq);
    },

    async close() {
      await pool.end();
    },
  };
}
