import type { DatabaseSync, StatementSync } from 'node:sqlite';

/**
 * Exchanges stored since the last merge beyond which the writer merges their digests into the
 * digest index. A lookup reads this tail itself (one range scan per lookup), so it stays short.
 */
export const digestMergeEvery = 4096;

/**
 * The digest lookup of the evidence route (`unknownDigests`), kept off the insert path.
 *
 * An index on `exchanges(digest)` put every insert at a random place of a random-keyed B-tree: each
 * exchange dirtied its own index page, written to the WAL at its commit and again at the checkpoint,
 * 11–25 µs of the writer's ~40 µs per exchange, growing with the table. Instead the writer stores
 * exchanges with no digest index and, every `digestMergeEvery` exchanges, merges the new digests
 * in digest order into `exchange_digests` in one transaction, so each index page is written once
 * per merge, not once per exchange. `exchange_digests_upto` says up to which `seq` the merge got;
 * a lookup finds a digest in the index or in the (short) tail after it, so no stored exchange is
 * ever missing from a lookup.
 */
export function createDigestIndex(db: DatabaseSync): void {
  db.exec(`CREATE TABLE IF NOT EXISTS exchange_digests (
      digest TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (digest, seq)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS exchange_digests_upto (seq INTEGER NOT NULL);
    INSERT INTO exchange_digests_upto (seq) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM exchange_digests_upto);
    DROP INDEX IF EXISTS exchanges_digest;`);
}

/**
 * Merges the digests of exchanges after the watermark into the index when there are at least
 * `minimum` of them (a database written before this index gets all its digests at the first merge).
 * Runs in its own IMMEDIATE transaction, so two connections never merge the same range twice.
 */
export function digestMerger(db: DatabaseSync): (minimum?: number) => number {
  const upto = db.prepare('SELECT seq FROM exchange_digests_upto');
  const last = db.prepare('SELECT max(seq) AS seq FROM exchanges');
  const merge = db.prepare(
    'INSERT OR IGNORE INTO exchange_digests (digest, seq) SELECT digest, seq FROM exchanges WHERE seq > ? AND seq <= ? ORDER BY digest',
  );
  const advance = db.prepare('UPDATE exchange_digests_upto SET seq = ?');
  return (minimum = digestMergeEvery) => {
    const end = (last.get() as { seq: number | null }).seq ?? 0;
    if (end - watermark(upto) < minimum) return 0;
    db.exec('BEGIN IMMEDIATE');
    try {
      const from = watermark(upto);
      const merged = Number(merge.run(from, end).changes);
      advance.run(Math.max(from, end));
      db.exec('COMMIT');
      return merged;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  };
}

/**
 * One digest of one it-system in the index. CROSS JOIN fixes the order: digest first (its primary
 * key), then that one exchange; with a plain JOIN SQLite walked every exchange of the system per
 * digest (~0.7 ms each at 6,000 exchanges).
 */
export const indexedDigestQuery =
  'SELECT 1 FROM exchange_digests d CROSS JOIN exchanges e ON e.seq = d.seq WHERE d.digest = ? AND e.system_uuid = ?';

/** Looks digests up for one it-system: those in the index, then those in the tail not merged yet. */
export function digestLookup(db: DatabaseSync): (systemUuid: string, digests: readonly string[]) => Set<string> {
  const upto = db.prepare('SELECT seq FROM exchange_digests_upto');
  const indexed = db.prepare(indexedDigestQuery);
  const tail = db.prepare('SELECT digest FROM exchanges WHERE system_uuid = ? AND seq > ?');
  return (systemUuid, digests) => {
    // The watermark is read before the tail: a merge in between only moves exchanges into the
    // index, which is read after, so every exchange is seen in one of the two.
    const from = watermark(upto);
    const recent = new Set((tail.all(systemUuid, from) as { digest: string }[]).map((r) => r.digest));
    return new Set(digests.filter((d) => recent.has(d) || indexed.get(d, systemUuid) !== undefined));
  };
}

const watermark = (upto: StatementSync) => (upto.get() as { seq: number } | undefined)?.seq ?? 0;
