import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { digestLookup, digestMerger, digestMergeEvery, indexedDigestQuery } from './digest-index.ts';
import type { UnsignedExchange } from './exchange-record.ts';
import { exchangeWriter } from './exchange-writer.ts';

const exchange = (i: number, systemUuid: string): UnsignedExchange => ({
  id: `id-${i}`,
  time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  systemUuid,
  systemName: systemUuid,
  method: 'POST',
  path: '/p',
  status: 200,
  latencyMs: 1,
  findings: [],
  request: { contentType: 'text/xml', size: 4, body: `<a>${i}</a>`, truncated: false },
  response: { contentType: 'text/xml', size: 4, body: '<b/>', truncated: false },
});

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function database(): DatabaseSync {
  const dir = mkdtempSync(join(tmpdir(), 'digest-index-'));
  dirs.push(dir);
  return new DatabaseSync(join(dir, 'p.sqlite'));
}
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
    const merged = (db.prepare('SELECT count(*) AS n FROM exchange_digests').get() as { n: number }).n;
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
      expect.stringMatching(/^SEARCH d USING PRIMARY KEY \(digest=\?\)/),
      expect.stringMatching(/^SEARCH e USING .*seq=\?/),
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
});
