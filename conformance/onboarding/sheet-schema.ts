/**
 * The sheet's tables. `status_events` is append-only (triggers refuse UPDATE and DELETE, so
 * no code path can rewrite history); `current_status` is derived from it, never stored.
 * `trusted_platform_keys` lists the platform keys whose signed runs earn a status (KOMBIT
 * decides which: its external test environment, a platform it runs); a run signed by any
 * other key is the supplier's own word. Version 2 added that table and the index of events by
 * run id (so recording a run twice is found); both are created in an older sheet on open.
 * Version 3 (issue 11) added the cell's verbatim word (`status_events.word`, added to an older
 * sheet by `migrateSheet`), `kept_cells` (what an import could not map, verbatim),
 * `programme_events` (a system's place in the programme) and `contest_events` (a supplier
 * contesting KOMBIT's estimate, and KOMBIT's decision); all append-only.
 */
export const sheetSchemaVersion = 3;

export const sheetSchemaSql = `
CREATE TABLE IF NOT EXISTS sheet_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS status_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  system TEXT NOT NULL,
  integration TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('manual', 'run', 'import')),
  evidence TEXT,
  word TEXT
);
CREATE INDEX IF NOT EXISTS status_events_pair ON status_events (system, integration, seq);
CREATE INDEX IF NOT EXISTS status_events_run ON status_events (json_extract(evidence, '$.runId'));
CREATE TABLE IF NOT EXISTS trusted_platform_keys (
  fingerprint TEXT PRIMARY KEY CHECK (length(fingerprint) = 64 AND fingerprint NOT GLOB '*[^0-9a-f]*'),
  name TEXT NOT NULL,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS kept_cells (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  import_id TEXT NOT NULL,
  file TEXT NOT NULL,
  sheet TEXT NOT NULL,
  cell TEXT NOT NULL,
  row_system TEXT NOT NULL,
  row_supplier TEXT NOT NULL,
  header TEXT NOT NULL,
  text TEXT NOT NULL,
  why TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS programme_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  system TEXT NOT NULL,
  category TEXT NOT NULL,
  round INTEGER,
  reason TEXT,
  note TEXT,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS contest_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  system TEXT NOT NULL,
  integration TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('contest', 'decision')),
  reason TEXT NOT NULL,
  decision TEXT CHECK (decision IS NULL OR decision IN ('upheld', 'changed')),
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS kept_cells_no_update BEFORE UPDATE ON kept_cells
  BEGIN SELECT RAISE(ABORT, 'kept cells are append-only'); END;
CREATE TRIGGER IF NOT EXISTS programme_events_no_update BEFORE UPDATE ON programme_events
  BEGIN SELECT RAISE(ABORT, 'programme events are append-only: add a new event instead'); END;
CREATE TRIGGER IF NOT EXISTS programme_events_no_delete BEFORE DELETE ON programme_events
  BEGIN SELECT RAISE(ABORT, 'programme events are append-only: add a new event instead'); END;
CREATE TRIGGER IF NOT EXISTS contest_events_no_update BEFORE UPDATE ON contest_events
  BEGIN SELECT RAISE(ABORT, 'contest events are append-only: add a new event instead'); END;
CREATE TRIGGER IF NOT EXISTS status_events_no_update BEFORE UPDATE ON status_events
  BEGIN SELECT RAISE(ABORT, 'status events are append-only: add a new event instead'); END;
CREATE TRIGGER IF NOT EXISTS status_events_no_delete BEFORE DELETE ON status_events
  BEGIN SELECT RAISE(ABORT, 'status events are append-only: add a new event instead'); END;
CREATE VIEW IF NOT EXISTS current_status AS
  SELECT e.* FROM status_events e
  JOIN (SELECT system, integration, MAX(seq) AS seq FROM status_events GROUP BY system, integration) latest
    ON latest.seq = e.seq;
INSERT INTO sheet_meta (key, value) VALUES ('schema-version', '${sheetSchemaVersion}')
  ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE CAST(value AS INTEGER) < ${sheetSchemaVersion};
`;

/** Adds what version 3 added to a sheet written by an older klarmeld (CREATE … IF NOT EXISTS does not add columns). */
export const addWordColumnSql = 'ALTER TABLE status_events ADD COLUMN word TEXT';
