-- The onboarding sheet (conformance/onboarding/sheet-schema.ts, version 3) in PostgreSQL.
-- Every log is append-only: triggers refuse UPDATE, DELETE and TRUNCATE, so no code path (nor a
-- hand-typed statement) rewrites history. The current status is derived, never stored.

CREATE FUNCTION klarmeld_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: add a new entry instead', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END $$;

CREATE TABLE status_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  system text NOT NULL,
  integration text NOT NULL,
  status text NOT NULL,
  reason text,
  actor text NOT NULL,
  at timestamptz NOT NULL,
  source text NOT NULL CHECK (source IN ('manual', 'run', 'import')),
  evidence jsonb,
  word text
);
CREATE INDEX status_events_pair ON status_events (system, integration, seq);
-- Recording a run twice is found by its run id.
CREATE INDEX status_events_run ON status_events ((evidence ->> 'runId'));

CREATE TABLE trusted_platform_keys (
  fingerprint text PRIMARY KEY CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  name text NOT NULL,
  added_by text NOT NULL,
  added_at timestamptz NOT NULL
);

CREATE TABLE kept_cells (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_id text NOT NULL,
  file text NOT NULL,
  sheet text NOT NULL,
  cell text NOT NULL,
  row_system text NOT NULL,
  row_supplier text NOT NULL,
  header text NOT NULL,
  text text NOT NULL,
  why text NOT NULL,
  actor text NOT NULL,
  at timestamptz NOT NULL
);

CREATE TABLE programme_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  system text NOT NULL,
  category text NOT NULL,
  round integer,
  reason text,
  note text,
  actor text NOT NULL,
  at timestamptz NOT NULL
);

CREATE TABLE contest_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  system text NOT NULL,
  integration text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('contest', 'decision')),
  reason text NOT NULL,
  decision text CHECK (decision IS NULL OR decision IN ('upheld', 'changed')),
  actor text NOT NULL,
  at timestamptz NOT NULL
);

CREATE TRIGGER status_events_append_only BEFORE UPDATE OR DELETE ON status_events
  FOR EACH ROW EXECUTE FUNCTION klarmeld_append_only();
CREATE TRIGGER status_events_no_truncate BEFORE TRUNCATE ON status_events
  FOR EACH STATEMENT EXECUTE FUNCTION klarmeld_append_only();
CREATE TRIGGER kept_cells_append_only BEFORE UPDATE ON kept_cells
  FOR EACH ROW EXECUTE FUNCTION klarmeld_append_only();
CREATE TRIGGER programme_events_append_only BEFORE UPDATE OR DELETE ON programme_events
  FOR EACH ROW EXECUTE FUNCTION klarmeld_append_only();
CREATE TRIGGER programme_events_no_truncate BEFORE TRUNCATE ON programme_events
  FOR EACH STATEMENT EXECUTE FUNCTION klarmeld_append_only();
CREATE TRIGGER contest_events_append_only BEFORE UPDATE ON contest_events
  FOR EACH ROW EXECUTE FUNCTION klarmeld_append_only();

-- The latest event of each system × integration; the pair index serves it.
CREATE VIEW current_status AS
  SELECT DISTINCT ON (system, integration) * FROM status_events ORDER BY system, integration, seq DESC;
