import type { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { digestLookup, digestMerger, digestMergeEvery, indexedDigestQuery } from './digest-index.ts';
import { exchangeWriter } from './exchange-writer.ts';
import { testExchange, useTempFolders } from './testing/recorded-exchanges.ts';

const exchange = (i: number, systemUuid: string) => testExchange(i, { systemUuid, systemName: systemUuid });
const { database } = useTempFolders('digest-index-');
const digestsOf = (db: DatabaseSync, system: string) =>
  (
    db.prepare('SELECT digest FROM exchanges WHERE system_uuid = ? ORDER BY seq').all(system) as { digest: string }[]
  ).map((r) => r.digest);

describe('the digest index, merged in bulk', () => {
  it('finds every stored digest of a system, merged or not yet, and none of another system', () => {
    const db = database();
    const write = exchangeWriter(db);
    // More than one merge's worth, so some digests are in the index and the last ones in the tail.
    const count = digestMergeEvery + 700;
    for (let i = 0; i < count; i += 100)
      write(Array.from({ length: Math.min(100, count - i) }, (_, j) => exchange(i + j, (i + j) % 2 ? 'a' : 'b')));
    const merged = (db.prepare('SELECT count(*) AS n FROM exchange_digest_index').get() as { n: number }).n;
    expect(merged).toBeGreaterThanOrEqual(digestMergeEvery);
    expect(merged).toBeLessThan(count);
    const lookup = digestLookup(db);
    const mine = digestsOf(db, 'a');
    const theirs = digestsOf(db, 'b');
    expect(lookup('a', mine).size).toBe(mine.length);
    expect(lookup('a', [theirs[0]!, theirs.at(-1)!, 'f'.repeat(64)]).size).toBe(0);
    db.close();
  });

  it('looks a digest up by the digest index first, never by walking the exchanges of the system', () => {
    const db = database();
    exchangeWriter(db);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${indexedDigestQuery}`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail)).toEqual([
      expect.stringMatching(/^SEARCH d USING PRIMARY KEY \(block=\? AND key=\?\)/),
      expect.stringMatching(/^USING ROWID SEARCH ON TABLE exchange_digest_blocks FOR IN-OPERATOR/),
      expect.stringMatching(/^SEARCH e USING INTEGER PRIMARY KEY \(rowid=\?\)/),
    ]);
    db.close();
  });

  it('takes over a database written with the old per-insert index: the index is dropped and old digests are found', () => {
    const db = database();
    db.exec(`CREATE TABLE exchanges (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, time TEXT NOT NULL,
      system_uuid TEXT NOT NULL, digest TEXT NOT NULL, signature TEXT NOT NULL, record TEXT NOT NULL);
      CREATE INDEX exchanges_digest ON exchanges(digest);`);
    const old = db.prepare(
      "INSERT INTO exchanges (id, time, system_uuid, digest, signature, record) VALUES (?, ?, 'a', ?, 'sig', '{}')",
    );
    for (let i = 0; i < 50; i += 1) old.run(`old-${i}`, '2026-01-01T00:00:00.000Z', i.toString(16).padStart(64, '0'));
    const write = exchangeWriter(db);
    write([exchange(1, 'a')]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'exchanges_digest'").get()).toBeUndefined();
    const all = digestsOf(db, 'a');
    expect(all).toHaveLength(51);
    expect(digestLookup(db)('a', all).size).toBe(51);
    // A merge of everything (what the writer does once the tail is long enough) keeps them all findable.
    expect(digestMerger(db)(1)).toBe(51);
    expect(digestLookup(db)('a', all).size).toBe(51);
    expect(digestMerger(db)(1)).toBe(0);
    db.close();
  });

  it('keys the index by the digest’s first 8 bytes yet finds only the exact digest of the calling system', () => {
    const db = database();
    exchangeWriter(db);
    const row = db.prepare(
      "INSERT INTO exchanges (id, time, system_uuid, digest, signature, record) VALUES (?, '2026-01-01T00:00:00.000Z', ?, ?, '', '{}')",
    );
    const shared = '0123456789abcdef';
    row.run('x1', 'a', shared + '1'.repeat(48));
    row.run('x2', 'b', shared + '2'.repeat(48));
    expect(digestMerger(db)(1)).toBe(2);
    expect(
      (db.prepare('SELECT length(key) AS n FROM exchange_digest_index').all() as { n: number }[]).map((r) => r.n),
    ).toEqual([8, 8]);
    const lookup = digestLookup(db);
    expect([...lookup('a', [shared + '1'.repeat(48), shared + '2'.repeat(48), shared + '3'.repeat(48)])]).toEqual([
      shared + '1'.repeat(48),
    ]);
    expect([...lookup('b', [shared + '2'.repeat(48)])]).toEqual([shared + '2'.repeat(48)]);
    db.close();
  });

  it('takes over a database with the full-digest index: it is dropped and rebuilt with short keys at the next merge', () => {
    const db = database();
    const before = exchangeWriter(db);
    before(Array.from({ length: 40 }, (_, i) => exchange(i, 'a')));
    // The previous index's tables, as a database written before holds them, merged up to seq 30.
    db.exec(`CREATE TABLE exchange_digests (digest TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (digest, seq)) WITHOUT ROWID;
      CREATE TABLE exchange_digests_upto (seq INTEGER NOT NULL); INSERT INTO exchange_digests_upto VALUES (30);
      INSERT INTO exchange_digests SELECT digest, seq FROM exchanges WHERE seq <= 30;
      DROP TABLE exchange_digest_index; DROP TABLE exchange_digest_blocks; DROP TABLE exchange_digest_index_upto;`);
    exchangeWriter(db)([exchange(40, 'a')]);
    const names = (
      db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'exchange_digest%'").all() as { name: string }[]
    ).map((r) => r.name);
    expect(names.sort()).toEqual(['exchange_digest_blocks', 'exchange_digest_index', 'exchange_digest_index_upto']);
    const all = digestsOf(db, 'a');
    expect(digestLookup(db)('a', all).size).toBe(41);
    expect(digestMerger(db)(1)).toBe(41);
    expect(digestLookup(db)('a', all).size).toBe(41);
    db.close();
  });

  it('cuts the index in blocks of seqs, so a merge touches only the newest block, and finds digests in every block', () => {
    const db = database();
    exchangeWriter(db);
    const row = db.prepare(
      "INSERT INTO exchanges (seq, id, time, system_uuid, digest, signature, record) VALUES (?, ?, '2026-01-01T00:00:00.000Z', ?, ?, '', '{}')",
    );
    const digest = (seq: number) => seq.toString(16).padStart(64, '7');
    const seqs = [1, 2, 65_535, 65_536, 65_537, 3 * 65_536 + 5];
    for (const seq of seqs) row.run(seq, `x${seq}`, seq % 2 ? 'a' : 'b', digest(seq));
    expect(digestMerger(db)(1)).toBe(seqs.length);
    const blocks = db.prepare('SELECT block, count(*) AS n FROM exchange_digest_index GROUP BY block').all();
    expect(blocks).toEqual([
      { block: 0, n: 3 },
      { block: 1, n: 2 },
      { block: 3, n: 1 },
    ]);
    const lookup = digestLookup(db);
    expect([...lookup('a', seqs.map(digest))].sort()).toEqual(
      seqs
        .filter((s) => s % 2)
        .map(digest)
        .sort(),
    );
    expect([...lookup('b', seqs.map(digest))].sort()).toEqual(
      seqs
        .filter((s) => s % 2 === 0)
        .map(digest)
        .sort(),
    );
    db.close();
  });
});
