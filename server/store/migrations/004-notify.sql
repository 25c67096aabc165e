-- Notifications (server/notify/): who wants to hear of what (subscriptions: a webhook URL or an
-- e-mail address, the events, the owner whose rights limit what it hears), each event once
-- (its key is deterministic, so instances that find the same event record it once), one
-- delivery per event and subscription with its attempts (the delivery log), and the cursors of
-- what the watchers have read. A delivery is claimed with a lease, so one instance sends it and
-- another takes it over when that instance dies.
CREATE TABLE notify_subscriptions (
  id text PRIMARY KEY,
  owner_id text NOT NULL,
  owner_role text NOT NULL,
  owner_name text NOT NULL,
  owner_cvr text,
  owner_municipality_code text,
  channel text NOT NULL CHECK (channel IN ('webhook', 'email')),
  target text NOT NULL,
  events jsonb NOT NULL,
  systems jsonb,
  secret text,
  created_at timestamptz NOT NULL,
  cancelled_at timestamptz
);
CREATE INDEX notify_subscriptions_owner ON notify_subscriptions (owner_id);

CREATE TABLE notify_events (
  key text PRIMARY KEY,
  type text NOT NULL,
  system_id text,
  at timestamptz NOT NULL,
  payload jsonb NOT NULL
);

CREATE TABLE notify_deliveries (
  id text PRIMARY KEY,
  event_key text NOT NULL REFERENCES notify_events (key),
  subscription_id text NOT NULL REFERENCES notify_subscriptions (id),
  state text NOT NULL CHECK (state IN ('pending', 'delivered', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until timestamptz,
  created_at timestamptz NOT NULL,
  finished_at timestamptz,
  last_error text,
  UNIQUE (event_key, subscription_id)
);
CREATE INDEX notify_deliveries_due ON notify_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX notify_deliveries_subscription ON notify_deliveries (subscription_id, created_at);

CREATE TABLE notify_attempts (
  delivery_id text NOT NULL REFERENCES notify_deliveries (id),
  attempt integer NOT NULL,
  at timestamptz NOT NULL,
  ok boolean NOT NULL,
  status integer,
  error text,
  duration_ms integer NOT NULL,
  PRIMARY KEY (delivery_id, attempt)
);

CREATE TABLE notify_cursors (
  name text PRIMARY KEY,
  value text NOT NULL
);
