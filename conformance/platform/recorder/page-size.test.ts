import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exchangeDigest, verifyDigest } from '../../evidence/index.ts';
import { openDatabase, platformMmapBytes, platformPageSize } from '../store/open-database.ts';
import { loadOrCreateSigner } from '../store/signing-key.ts';
import type { UnsignedExchange } from './exchange-record.ts';
import { ExchangeRecorder } from './exchange-recorder.ts';

const exchange = (i: number): UnsignedExchange => ({
  id: `id-${i}`,
  time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  systemUuid: 'sys-a',
  systemName: 'A',
  method: 'POST',
  path: '/p',
  status: 200,
  latencyMs: 1,
  findings: [],
  request: { contentType: 'text/xml', size: 900, body: `<a>${'q'.repeat(893)}</a>`, truncated: false },
  response: { contentType: 'text/xml', size: 2000, body: `<b i="${i}">${'r'.repeat(1980)}</b>`, truncated: false },
});

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'recorder-pages-'));
  dirs.push(dir);
  return dir;
};
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

  it('stays 4 KiB in a database made before, whose exchanges are still served and new ones stored', async () => {
    const dir = folder();
    const old = new DatabaseSync(join(dir, 'platform.sqlite'));
    old.exec('PRAGMA page_size = 4096; PRAGMA journal_mode = WAL');
    const before = new ExchangeRecorder(old, loadOrCreateSigner(old));
    for (let i = 0; i < 30; i += 1) before.record(exchange(i));
    before.flush();
    old.close();

    const db = openDatabase(dir);
    expect(pageSize(db)).toBe(4096);
    const signer = loadOrCreateSigner(db);
    const recorder = new ExchangeRecorder(db, signer, { worker: { dbPath: join(dir, 'platform.sqlite') } });
    for (let i = 30; i < 60; i += 1) recorder.record(exchange(i));
    const all = recorder.exchanges({ systemUuid: 'sys-a', limit: 1000 });
    expect(all.map((e) => e.id)).toEqual(Array.from({ length: 60 }, (_, i) => `id-${i}`));
    for (const e of [all[0]!, all[59]!]) {
      expect(exchangeDigest(e as unknown as Record<string, unknown>)).toBe(e.digest);
      expect(verifyDigest(e.digest, e.signature, signer.publicKeyPem)).toBe(true);
    }
    expect(recorder.unknownDigests('sys-a', [all[0]!.digest, all[59]!.digest, 'f'.repeat(64)])).toEqual([
      'f'.repeat(64),
    ]);
    await recorder.close();
    db.close();
  });
});
