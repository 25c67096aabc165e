/**
 * The notification tables on SQLite, in the server's sheet file beside its other tables (the
 * same tables as migrations/004-notify.sql on PostgreSQL). Created when missing.
 */
export const notifySchemaSql = `
CREATE TABLE IF NOT EXISTS notify_subscriptions (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL,
  owner_role TEXT NOT NULL,
  owner_name TEXT NOT NULL,
  owner_cvr TEXT,
  owner_municipality_code TEXT,
  channel TEXT NOT NULL CHECK (channel IN ('webhook', 'email')),
  target TEXT NOT NULL,
  events TEXT NOT NULL,
  systems TEXT,
  secret TEXT,
  created_at TEXT NOT NULL,
  cancelled_at TEXT
);
CREATE INDEX IF NOT EXISTS notify_subscriptions_owner ON notify_subscriptions (owner_id);
CREATE TABLE IF NOT EXISTS notify_events (
  key TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  system_id TEXT,
  at TEXT NOT NULL,
  payload TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS notify_deliveries (
  id TEXT PRIMARY KEY,
  event_key TEXT NOT NULL REFERENCES notify_events (key),
  subscription_id TEXT NOT NULL REFERENCES notify_subscriptions (id),
  state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  lease_until TEXT,
  created_at TEXT NOT NULL,
  finished_at TEXT,
  last_error TEXT,
  UNIQUE (event_key, subscription_id)
);
CREATE INDEX IF NOT EXISTS notify_deliveries_due ON notify_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX IF NOT EXISTS notify_deliveries_subscription ON notify_deliveries (subscription_id, created_at);
CREATE TABLE IF NOT EXISTS notify_attempts (
  delivery_id TEXT NOT NULL REFERENCES notify_deliveries (id),
  attempt INTEGER NOT NULL,
  at TEXT NOT NULL,
  ok INTEGER NOT NULL,
  status INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL,
  PRIMARY KEY (delivery_id, attempt)
);
CREATE TABLE IF NOT EXISTS notify_cursors (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
