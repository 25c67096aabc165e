import type { DatabaseSync } from 'node:sqlite';

/**
 * Where a page from a `since` time starts, without an index on every exchange's time.
 *
 * An index on exchanges(system_uuid, time) cost the writer ~1 µs per exchange, and a `since` page
 * still walked every index entry after `since` to find the smallest seq (times are when requests
 * arrived, seq is the order they were stored, so they need not agree). Instead the writer adds one
 * mark per it-system per batch: the seq of that system's first exchange in the batch, and the
 * latest time of that system's exchanges so far (a running maximum, so it never decreases along
 * seq). An exchange at or after `since` lies in a batch whose mark has a maximum at or after
 * `since`, and the first such mark (smallest maximum, then seq) starts no later than it: that
 * mark's seq is where a page may start, and the page's own `time >= since` does the rest.
 */
export function createTimeMarks(db: DatabaseSync): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(`CREATE TABLE IF NOT EXISTS exchange_time_marks (system_uuid TEXT NOT NULL, time_max TEXT NOT NULL,
      seq INTEGER NOT NULL, PRIMARY KEY (system_uuid, time_max, seq)) WITHOUT ROWID`);
    const old = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'exchanges_system_time'").get();
    if (old) {
      markStoredExchanges(db);
      db.exec('DROP INDEX exchanges_system_time');
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** Seqs per mark when a database written with the time index is taken over. */
const takeOverBucket = 1024;

/**
 * Marks the exchanges of a database written with the per-exchange time index, in buckets of
 * seqs, read from that index alone (it holds system, time and seq; the records are not read).
 */
function markStoredExchanges(db: DatabaseSync): void {
  const buckets = new Map<string, Map<number, { seq: number; time: string }>>();
  const rows = db
    .prepare('SELECT system_uuid, time, seq FROM exchanges INDEXED BY exchanges_system_time')
    .iterate() as Iterable<{ system_uuid: string; time: string; seq: number }>;
  for (const { system_uuid: system, time, seq } of rows) {
    const mine = buckets.get(system) ?? buckets.set(system, new Map()).get(system)!;
    const key = Math.floor(seq / takeOverBucket);
    const bucket = mine.get(key);
    if (!bucket) mine.set(key, { seq, time });
    else {
      bucket.seq = Math.min(bucket.seq, seq);
      if (time > bucket.time) bucket.time = time;
    }
  }
  const mark = db.prepare('INSERT OR IGNORE INTO exchange_time_marks (system_uuid, time_max, seq) VALUES (?, ?, ?)');
  for (const [system, mine] of buckets) {
    let max = '';
    for (const bucket of [...mine.values()].sort((a, b) => a.seq - b.seq)) {
      if (bucket.time > max) max = bucket.time;
      mark.run(system, max, bucket.seq);
    }
  }
}

/** One stored exchange as the writer just inserted it. */
export interface Stored {
  systemUuid: string;
  time: string;
  seq: number;
}

/** Adds a batch's marks; runs inside the batch's own transaction, after its inserts. */
export function timeMarker(db: DatabaseSync): (stored: readonly Stored[]) => void {
  const latest = db.prepare('SELECT max(time_max) AS time FROM exchange_time_marks WHERE system_uuid = ?');
  const mark = db.prepare('INSERT OR IGNORE INTO exchange_time_marks (system_uuid, time_max, seq) VALUES (?, ?, ?)');
  return (stored) => {
    const batch = new Map<string, { seq: number; time: string }>();
    for (const { systemUuid, time, seq } of stored) {
      const mine = batch.get(systemUuid);
      if (!mine) batch.set(systemUuid, { seq, time });
      else if (time > mine.time) mine.time = time;
    }
    for (const [system, { seq, time }] of batch) {
      const before = (latest.get(system) as { time: string | null }).time ?? '';
      mark.run(system, before > time ? before : time, seq);
    }
  };
}

/** The seq a page of `system` from `since` may start at, or undefined when no exchange is that late. */
export function firstSinceLookup(db: DatabaseSync): (systemUuid: string, since: string) => number | undefined {
  const first = db.prepare(
    'SELECT seq FROM exchange_time_marks WHERE system_uuid = ? AND time_max >= ? ORDER BY time_max, seq LIMIT 1',
  );
  return (systemUuid, since) => (first.get(systemUuid, since) as { seq: number } | undefined)?.seq;
}
