-- What klarmeld server keeps besides the sheet (server/store/server-store.ts): identities by
-- token hash, registered systems, runs, municipalities' agreement decisions, and the
-- append-only history of who did what, when.

CREATE TABLE server_identities (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('kombit', 'supplier', 'municipality')),
  name text NOT NULL,
  cvr text,
  municipality_code text,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL
);

CREATE TABLE server_systems (
  system_id text PRIMARY KEY,
  supplier_cvr text NOT NULL,
  user_system_uuid text NOT NULL,
  callback_url text,
  registered_at timestamptz NOT NULL,
  registered_by text NOT NULL
);
CREATE INDEX server_systems_supplier ON server_systems (supplier_cvr);

CREATE TABLE server_runs (
  id text PRIMARY KEY,
  system_id text NOT NULL,
  supplier_cvr text NOT NULL,
  state text NOT NULL CHECK (state IN ('open', 'finished', 'failed')),
  opened_at timestamptz NOT NULL,
  opened_by text NOT NULL,
  finished_at timestamptz,
  document text,
  exit_code integer,
  problem text
);
CREATE INDEX server_runs_supplier ON server_runs (supplier_cvr, opened_at);

CREATE TABLE server_agreement_decisions (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  system_id text NOT NULL,
  integration text NOT NULL,
  municipality_cvr text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('approved', 'rejected')),
  reason text,
  actor text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX server_agreement_decisions_municipality ON server_agreement_decisions (municipality_cvr, seq);

CREATE TABLE server_history (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  subject text NOT NULL,
  detail jsonb
);
CREATE INDEX server_history_subject ON server_history (subject, seq);
CREATE TRIGGER server_history_append_only BEFORE UPDATE OR DELETE ON server_history
  FOR EACH ROW EXECUTE FUNCTION klarmeld_append_only();
CREATE TRIGGER server_history_no_truncate BEFORE TRUNCATE ON server_history
  FOR EACH STATEMENT EXECUTE FUNCTION klarmeld_append_only();
