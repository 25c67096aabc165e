/**
 * The sheet's tables. `status_events` is append-only (triggers refuse UPDATE and DELETE, so
 * no code path can rewrite history); `current_status` is derived from it, never stored.
 */
export const sheetSchemaVersion = 1;

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
  evidence TEXT
);
CREATE INDEX IF NOT EXISTS status_events_pair ON status_events (system, integration, seq);
CREATE TRIGGER IF NOT EXISTS status_events_no_update BEFORE UPDATE ON status_events
  BEGIN SELECT RAISE(ABORT, 'status events are append-only: add a new event instead'); END;
CREATE TRIGGER IF NOT EXISTS status_events_no_delete BEFORE DELETE ON status_events
  BEGIN SELECT RAISE(ABORT, 'status events are append-only: add a new event instead'); END;
CREATE VIEW IF NOT EXISTS current_status AS
  SELECT e.* FROM status_events e
  JOIN (SELECT system, integration, MAX(seq) AS seq FROM status_events GROUP BY system, integration) latest
    ON latest.seq = e.seq;
INSERT OR IGNORE INTO sheet_meta (key, value) VALUES ('schema-version', '${sheetSchemaVersion}');
`;
