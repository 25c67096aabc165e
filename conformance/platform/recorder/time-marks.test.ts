import type { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { loadOrCreateSigner } from '../store/signing-key.ts';
import { ExchangeRecorder } from './exchange-recorder.ts';
import { exchangeWriter } from './exchange-writer.ts';
import { testExchange, useTempFolders } from './testing/recorded-exchanges.ts';

// Times out of seq order, as when a slow request is stored after faster later ones.
const minute = (i: number) => (i * 37) % 101;
const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m)).toISOString();
// A database written before: its times fall from one 1,024-seq stretch to the next.
const oldMinute = (i: number) => (i < 1024 ? 90 + (i % 10) : i < 2048 ? 50 + (i % 11) : i < 2500 ? i % 40 : minute(i));
const exchange = (i: number, minuteOf = minute) =>
  testExchange(i, { time: at(minuteOf(i)), systemUuid: i % 3 === 0 ? 'sys-b' : 'sys-a' });
const { database } = useTempFolders('time-marks-');

/** Every `since` page of both systems (every `step` minutes) against a plain filter of what was stored. */
function expectSincePagesExact(db: DatabaseSync, count: number, step = 1, minuteOf = minute): void {
  const recorder = new ExchangeRecorder(db, loadOrCreateSigner(db));
  const since = (systemUuid: string, from: string) => {
    const ids: string[] = [];
    let after: number | undefined;
    do {
      const page = recorder.page({ systemUuid, since: from, after, limit: 1000 });
      ids.push(...page.exchanges.map((e) => (JSON.parse(e.record) as { id: string }).id));
      after = page.next;
    } while (after !== undefined);
    return ids;
  };
  for (const system of ['sys-a', 'sys-b']) {
    for (let m = 0; m <= 102; m += step) {
      const expected = Array.from({ length: count }, (_, i) => i)
        .filter((i) => exchange(i).systemUuid === system && minuteOf(i) >= m)
        .map((i) => `id-${i}`);
      expect(since(system, at(m)), `${system} since minute ${m}`).toEqual(expected);
    }
  }
}

const names = (db: DatabaseSync) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'exchange%' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);

describe('the time marks', () => {
  it('start every since page early enough to hold exactly the exchanges from then, times out of order', () => {
    const db = database();
    const write = exchangeWriter(db);
    const sizes = [1, 7, 60, 3, 120, 9];
    for (let i = 0, s = 0; i < 400; s += 1) {
      const size = Math.min(sizes[s % sizes.length]!, 400 - i);
      write(Array.from({ length: size }, (_, j) => exchange(i + j)));
      i += size;
    }
    expect(names(db)).not.toContain('exchanges_system_time');
    // One mark per system per batch, not one entry per exchange.
    expect((db.prepare('SELECT count(*) AS n FROM exchange_time_marks').get() as { n: number }).n).toBeLessThan(60);
    expectSincePagesExact(db, 400);
    db.close();
  });

  it('find the start by the marks’ primary key, not by walking marks or exchanges', () => {
    const db = database();
    exchangeWriter(db);
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT seq FROM exchange_time_marks WHERE system_uuid = ? AND time_max >= ? ORDER BY time_max, seq LIMIT 1',
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail)).toEqual([
      expect.stringMatching(/^SEARCH exchange_time_marks USING PRIMARY KEY \(system_uuid=\? AND time_max>\?\)/),
    ]);
    db.close();
  });

  it('take over a database written with the per-exchange time index: marked from it, the index dropped', () => {
    const db = database();
    db.exec(`CREATE TABLE exchanges (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, time TEXT NOT NULL,
      system_uuid TEXT NOT NULL, digest TEXT NOT NULL, signature TEXT NOT NULL, record TEXT NOT NULL);
      CREATE INDEX exchanges_system_time ON exchanges(system_uuid, time);
      CREATE INDEX exchanges_system_seq ON exchanges(system_uuid, seq);`);
    const old = db.prepare(
      "INSERT INTO exchanges (id, time, system_uuid, digest, signature, record) VALUES (?, ?, ?, 'd', '', ?)",
    );
    // More than one takeover bucket (1,024 seqs).
    db.exec('BEGIN');
    for (let i = 0; i < 2500; i += 1) {
      const e = exchange(i, oldMinute);
      old.run(e.id, e.time, e.systemUuid, JSON.stringify(e));
    }
    db.exec('COMMIT');
    const write = exchangeWriter(db);
    expect(names(db)).not.toContain('exchanges_system_time');
    write(Array.from({ length: 100 }, (_, j) => exchange(2500 + j)));
    expectSincePagesExact(db, 2600, 3, oldMinute);
    db.close();
  });
});
