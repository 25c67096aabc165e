import type { DatabaseSync, StatementSync } from 'node:sqlite';

/**
 * Exchanges stored since the last merge beyond which the writer merges their digests into the
 * digest index. A lookup reads this tail itself (one range scan per lookup), so it stays short.
 */
export const digestMergeEvery = 4096;

/** Exchanges per block of the digest index (2^16): a merge touches only its own block's pages. */
export const digestBlockBits = 16;

/**
 * The digest lookup of the evidence route (`unknownDigests`), kept off the insert path.
 *
 * An index on `exchanges(digest)` put every insert at a random place of a random-keyed B-tree: each
 * exchange dirtied its own index page, written to the WAL at its commit and again at the checkpoint,
 * 11–25 µs of the writer's ~40 µs per exchange, growing with the table. Instead the writer stores
 * exchanges with no digest index and, every `digestMergeEvery` exchanges, merges the new digests
 * in key order into `exchange_digest_index` in one transaction. `exchange_digest_index_upto` says up
 * to which `seq` the merge got; a lookup finds a digest in the index or in the (short) tail after
 * it, so no stored exchange is ever missing from a lookup.
 *
 * Random keys still spread a merge over every page of the index it goes into, so the index is cut
 * in blocks of 2^16 seqs (its primary key starts with the block): a merge rewrites only the pages of
 * the newest block, however many exchanges came before (at 600,000 exchanges the merges cost
 * 3.9 s → 0.8 s), and a lookup seeks each block (one per 65,536 exchanges). The key is the
 * digest's first 8 bytes, not its 64 hex characters (a third of the pages); a lookup compares the
 * full digest in the exchange itself.
 */
export function createDigestIndex(db: DatabaseSync): void {
  // IMMEDIATE: the main thread and the writer thread both run this; one of them drops the old tables.
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(`CREATE TABLE IF NOT EXISTS exchange_digest_index (block INTEGER NOT NULL, key BLOB NOT NULL,
        seq INTEGER NOT NULL, PRIMARY KEY (block, key, seq)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS exchange_digest_blocks (block INTEGER PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS exchange_digest_index_upto (seq INTEGER NOT NULL);
      INSERT INTO exchange_digest_index_upto (seq) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM exchange_digest_index_upto);
      DROP INDEX IF EXISTS exchanges_digest;
      DROP TABLE IF EXISTS exchange_digests;
      DROP TABLE IF EXISTS exchange_digests_upto;
      DROP TABLE IF EXISTS exchange_digest_keys;
      DROP TABLE IF EXISTS exchange_digest_keys_upto;`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** The index key of a digest (hex) in SQL: its first 8 bytes. */
const keyOf = (hex: string) => `unhex(substr(${hex}, 1, 16))`;

/**
 * Merges the digests of exchanges after the watermark into the index when there are at least
 * `minimum` of them (a database written before this index gets all its digests at the first merge).
 * Runs in its own IMMEDIATE transaction, so two connections never merge the same range twice.
 */
export function digestMerger(db: DatabaseSync): (minimum?: number) => number {
  const upto = db.prepare('SELECT seq FROM exchange_digest_index_upto');
  const last = db.prepare('SELECT max(seq) AS seq FROM exchanges');
  const merge = db.prepare(
    `INSERT OR IGNORE INTO exchange_digest_index (block, key, seq)
      SELECT seq >> ${digestBlockBits}, ${keyOf('digest')}, seq FROM exchanges WHERE seq > ? AND seq <= ? ORDER BY 1, 2`,
  );
  const block = db.prepare('INSERT OR IGNORE INTO exchange_digest_blocks (block) VALUES (?)');
  const advance = db.prepare('UPDATE exchange_digest_index_upto SET seq = ?');
  return (minimum = digestMergeEvery) => {
    const end = (last.get() as { seq: number | null }).seq ?? 0;
    if (end - watermark(upto) < minimum) return 0;
    db.exec('BEGIN IMMEDIATE');
    try {
      const from = watermark(upto);
      const merged = Number(merge.run(from, end).changes);
      for (let b = (from + 1) >> digestBlockBits; b <= end >> digestBlockBits; b++) block.run(b);
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
 * One digest of one it-system in the index. CROSS JOIN fixes the order: the key in each block first
 * (the index's primary key), then the exchange(s) with that key; with a plain JOIN SQLite walked
 * every exchange of the system per digest (~0.7 ms each at 6,000 exchanges). The key is a prefix,
 * so the full digest is compared in the exchange.
 */
export const indexedDigestQuery = `SELECT 1 FROM exchange_digest_index d CROSS JOIN exchanges e ON e.seq = d.seq
  WHERE d.block IN (SELECT block FROM exchange_digest_blocks) AND d.key = ${keyOf('?1')}
  AND e.digest = ?1 AND e.system_uuid = ?2 LIMIT 1`;

/** Looks digests up for one it-system: those in the index, then those in the tail not merged yet. */
export function digestLookup(db: DatabaseSync): (systemUuid: string, digests: readonly string[]) => Set<string> {
  const upto = db.prepare('SELECT seq FROM exchange_digest_index_upto');
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
