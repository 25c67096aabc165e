/**
 * The server's own tables, kept in the same SQLite file as the onboarding sheet (so that
 * `klarmeld sheet show --sheet DATA/sheet.sqlite` reads the server's sheet as any other).
 * Created when missing; `IF NOT EXISTS` keeps a restart from touching what is there.
 */
export const serverSchemaSql = `
CREATE TABLE IF NOT EXISTS server_identities (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('kombit', 'supplier', 'municipality')),
  name TEXT NOT NULL,
  cvr TEXT,
  municipality_code TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
-- One first admin (created_by ''): instances starting at once on an empty file make one between them.
-- A file from before, where two were made, keeps both tokens working: the later ones become issued by the first.
UPDATE server_identities SET created_by = (SELECT id FROM server_identities WHERE created_by = '' ORDER BY created_at, id LIMIT 1)
  WHERE created_by = '' AND id <> (SELECT id FROM server_identities WHERE created_by = '' ORDER BY created_at, id LIMIT 1);
CREATE UNIQUE INDEX IF NOT EXISTS server_identities_first_admin ON server_identities (created_by) WHERE created_by = '';
CREATE TABLE IF NOT EXISTS server_systems (
  system_id TEXT PRIMARY KEY,
  supplier_cvr TEXT NOT NULL,
  user_system_uuid TEXT NOT NULL,
  callback_url TEXT,
  registered_at TEXT NOT NULL,
  registered_by TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS server_systems_supplier ON server_systems (supplier_cvr);
CREATE TABLE IF NOT EXISTS server_runs (
  id TEXT PRIMARY KEY,
  system_id TEXT NOT NULL,
  supplier_cvr TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'finished', 'failed')),
  opened_at TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  finished_at TEXT,
  document TEXT,
  exit_code INTEGER,
  problem TEXT
);
CREATE INDEX IF NOT EXISTS server_runs_supplier ON server_runs (supplier_cvr, opened_at);
-- One row per run in flight (server/cluster/): its owner renews expires_at; system_id UNIQUE keeps
-- two instances from running one system at once. Deleted when the run ends.
CREATE TABLE IF NOT EXISTS server_run_leases (
  run_id TEXT PRIMARY KEY,
  system_id TEXT NOT NULL UNIQUE,
  owner TEXT NOT NULL,
  owner_url TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
-- Secrets every instance on this database shares (the web front's session key), made at first ask.
CREATE TABLE IF NOT EXISTS server_shared_secrets (
  name TEXT PRIMARY KEY,
  value BLOB NOT NULL CHECK (length(value) = 32),
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS server_agreement_decisions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  system_id TEXT NOT NULL,
  integration TEXT NOT NULL,
  municipality_cvr TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
  reason TEXT,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS server_history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX IF NOT EXISTS server_history_subject ON server_history (subject, seq);
CREATE TRIGGER IF NOT EXISTS server_history_append_only_update BEFORE UPDATE ON server_history
  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
CREATE TRIGGER IF NOT EXISTS server_history_append_only_delete BEFORE DELETE ON server_history
  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
`;
