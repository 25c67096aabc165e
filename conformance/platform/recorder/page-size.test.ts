import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, exchangeDigest, verifyDigest } from '../../evidence/index.ts';
import { openDatabase, platformMmapBytes, platformPageSize } from '../store/open-database.ts';
import { loadOrCreateSigner } from '../store/signing-key.ts';
import { ExchangeRecorder } from './exchange-recorder.ts';
import { testExchange, useTempFolders } from './testing/recorded-exchanges.ts';

// PersonLookup-sized: a 900-byte request and a 2,000-byte answer, so a row outgrows a 4 KiB page's share.
const exchange = (i: number) =>
  testExchange(i, {
    request: { contentType: 'text/xml', size: 900, body: `<a>${'q'.repeat(893)}</a>`, truncated: false },
    response: { contentType: 'text/xml', size: 2000, body: `<b i="${i}">${'r'.repeat(1980)}</b>`, truncated: false },
  });

const { folder } = useTempFolders('recorder-pages-');
const pageSize = (db: DatabaseSync) => (db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size;

describe('the platform database’s page size', () => {
  it('is 16 KiB for a new database, so several ~3.5 KB exchanges share a page', () => {
    const db = openDatabase(folder());
    expect(platformPageSize).toBe(16384);
    expect(pageSize(db)).toBe(16384);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    // Read through a memory map, so a digest lookup's random exchange does not copy a 16 KiB page.
    expect(db.prepare('PRAGMA mmap_size').get()).toEqual({ mmap_size: platformMmapBytes });
    expect(platformMmapBytes).toBe(1 << 30);
    db.close();
  });

  it('stays 4 KiB in a database written before (its time and digest indexes taken over), whose exchanges are still served and new ones stored', async () => {
    const dir = folder();
    const old = new DatabaseSync(join(dir, 'platform.sqlite'));
    // The recorder's tables as the release before this one left them, 100 exchanges merged into its
    // full-digest index and 20 after it; the first 10 still carry the signature made when stored.
    old.exec(`PRAGMA page_size = 4096; PRAGMA journal_mode = WAL;
      CREATE TABLE exchanges (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, time TEXT NOT NULL, system_uuid TEXT NOT NULL,
        digest TEXT NOT NULL, signature TEXT NOT NULL, record TEXT NOT NULL);
      CREATE INDEX exchanges_system_time ON exchanges(system_uuid, time);
      CREATE INDEX exchanges_system_seq ON exchanges(system_uuid, seq);
      CREATE TABLE exchange_digests (digest TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (digest, seq)) WITHOUT ROWID;
      CREATE TABLE exchange_digests_upto (seq INTEGER NOT NULL); INSERT INTO exchange_digests_upto VALUES (100);`);
    const oldSigner = loadOrCreateSigner(old);
    const insert = old.prepare(
      'INSERT INTO exchanges (id, time, system_uuid, digest, signature, record) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (let i = 0; i < 120; i += 1) {
      const e = exchange(i);
      const digest = exchangeDigest(e as unknown as Record<string, unknown>);
      insert.run(e.id, e.time, e.systemUuid, digest, i < 10 ? oldSigner.sign(digest) : '', canonicalJson(e));
    }
    old.exec('INSERT INTO exchange_digests SELECT digest, seq FROM exchanges WHERE seq <= 100');
    old.close();

    const db = openDatabase(dir);
    expect(pageSize(db)).toBe(4096);
    const signer = loadOrCreateSigner(db);
    const recorder = new ExchangeRecorder(db, signer, { worker: { dbPath: join(dir, 'platform.sqlite') } });
    for (let i = 120; i < 150; i += 1) recorder.record(exchange(i));
    const all = recorder.exchanges({ systemUuid: 'sys-a', limit: 1000 });
    expect(all.map((e) => e.id)).toEqual(Array.from({ length: 150 }, (_, i) => `id-${i}`));
    for (const e of all) {
      expect(exchangeDigest(e as unknown as Record<string, unknown>)).toBe(e.digest);
      expect(verifyDigest(e.digest, e.signature, signer.publicKeyPem)).toBe(true);
    }
    expect(recorder.unknownDigests('sys-a', [...all.map((e) => e.digest), 'f'.repeat(64)])).toEqual(['f'.repeat(64)]);
    const since = exchange(100).time;
    expect(recorder.exchanges({ systemUuid: 'sys-a', since, limit: 1000 }).map((e) => e.id)).toEqual(
      Array.from({ length: 50 }, (_, i) => `id-${100 + i}`),
    );
    const left = db
      .prepare("SELECT name FROM sqlite_master WHERE name IN ('exchanges_system_time', 'exchange_digests')")
      .all();
    expect(left).toEqual([]);
    await recorder.close();
    db.close();
  });
});
