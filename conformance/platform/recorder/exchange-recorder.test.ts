import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchangeDigest, verifyDigest } from '../../evidence/index.ts';
import { openDatabase } from '../store/open-database.ts';
import { loadOrCreateSigner } from '../store/signing-key.ts';
import type { UnsignedExchange } from './exchange-record.ts';
import { ExchangeRecorder } from './exchange-recorder.ts';
import { testExchange } from './testing/recorded-exchanges.ts';

const exchange = (i: number, systemUuid = 'sys-a') => testExchange(i, { systemUuid });

function setUp(worker: (dir: string) => { dbPath: string } | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'recorder-'));
  const db = openDatabase(dir);
  const signer = loadOrCreateSigner(db);
  const recorder = new ExchangeRecorder(db, signer, { worker: worker(dir) });
  return { recorder, signer, db };
}

describe('ExchangeRecorder', () => {
  it('stores every exchange with a verifiable digest and signature, and shows each system only its own', async () => {
    const { recorder, signer, db } = setUp((dir) => ({ dbPath: join(dir, 'platform.sqlite') }));
    for (let i = 0; i < 1200; i += 1) recorder.record(exchange(i, i % 3 === 0 ? 'sys-b' : 'sys-a'));
    const mine = recorder.exchanges({ systemUuid: 'sys-b', limit: 1000 });
    expect(mine).toHaveLength(400);
    expect(mine.every((e) => e.systemUuid === 'sys-b')).toBe(true);
    for (const e of mine.slice(0, 20)) {
      expect(exchangeDigest(e as unknown as Record<string, unknown>)).toBe(e.digest);
      expect(verifyDigest(e.digest, e.signature, signer.publicKeyPem)).toBe(true);
    }
    expect(
      recorder.exchanges({
        systemUuid: 'sys-a',
        since: new Date(Date.UTC(2026, 0, 1, 0, 19, 0)).toISOString(),
        limit: 1000,
      }).length,
    ).toBe(40);
    // A cursor from before the `since` time starts the page at `since`, as without a cursor.
    const since = new Date(Date.UTC(2026, 0, 1, 0, 19, 0)).toISOString();
    expect(recorder.page({ systemUuid: 'sys-a', since, after: 0, limit: 1000 }).exchanges.map((e) => e.seq)).toEqual(
      recorder.page({ systemUuid: 'sys-a', since, limit: 1000 }).exchanges.map((e) => e.seq),
    );
    expect(recorder.page({ systemUuid: 'sys-a', since: '9999-01-01T00:00:00Z', after: 0 }).exchanges).toEqual([]);
    expect(recorder.unknownDigests('sys-a', [mine[0]!.digest])).toEqual([mine[0]!.digest]);
    // Signed when served, not when stored (the key never goes to the writer thread); Ed25519 is
    // deterministic, so the same exchange always carries the same signature.
    expect(db.prepare("SELECT count(*) AS n FROM exchanges WHERE signature != ''").get()).toEqual({ n: 0 });
    expect(recorder.exchanges({ systemUuid: 'sys-b', limit: 1000 }).map((e) => e.signature)).toEqual(
      mine.map((e) => e.signature),
    );
    await recorder.close();
    db.close();
  });

  it('pages an it-system’s exchanges by count and by bytes, in the order stored, each served as its signed record', async () => {
    const { recorder, db } = setUp(() => undefined);
    const big = (i: number): UnsignedExchange => ({
      ...exchange(i, i % 4 === 0 ? 'sys-b' : 'sys-a'),
      request: {
        contentType: 'text/xml',
        size: 20_000,
        body: `<a i="${i}">${'x'.repeat(20_000)}</a>`,
        truncated: false,
      },
    });
    for (let i = 0; i < 60; i += 1) recorder.record(big(i));
    const ids = Array.from({ length: 60 }, (_, i) => `id-${i}`).filter((_, i) => i % 4 !== 0);

    let after: number | undefined;
    const seen: string[] = [];
    let pages = 0;
    do {
      const page = recorder.page({ systemUuid: 'sys-a', after, limit: 1000, maxBytes: 100_000 });
      const served = page.exchanges.map((e) => recorder.servedJson(e));
      expect(served.reduce((n, json) => n + Buffer.byteLength(json) + 1, 0)).toBeLessThanOrEqual(100_000);
      expect(page.exchanges.map((e) => e.bytes)).toEqual(
        served.map((json) => expect.toSatisfy((n: number) => n >= Buffer.byteLength(json))),
      );
      seen.push(...served.map((json) => (JSON.parse(json) as { id: string }).id));
      after = page.next;
      pages += 1;
    } while (after !== undefined);
    expect(seen).toEqual(ids);
    expect(pages).toBeGreaterThan(5);
    // The served JSON is the signed record the array API gives, and pages() walks them all.
    const first = recorder.page({ systemUuid: 'sys-a', limit: 1 }).exchanges[0]!;
    expect(JSON.parse(recorder.servedJson(first))).toEqual(recorder.exchanges({ systemUuid: 'sys-a', limit: 1 })[0]);
    expect([...recorder.pages({ systemUuid: 'sys-a', limit: 7 })].map((p) => p.length)).toEqual([7, 7, 7, 7, 7, 7, 3]);
    expect([...recorder.pages({ systemUuid: 'sys-a', limit: 7 })].flat().map((e) => e.id)).toEqual(ids);
    await recorder.close();
    db.close();
  });

  it('writes on its own thread when the writer thread cannot start, losing nothing', async () => {
    const { recorder, db } = setUp(() => ({ dbPath: '/nonexistent/dir/platform.sqlite' }));
    for (let i = 0; i < 10; i += 1) recorder.record(exchange(i));
    expect(recorder.exchanges({ systemUuid: 'sys-a' })).toHaveLength(10);
    expect(recorder.errors.join(' ')).toMatch(/writer thread/);
    await recorder.close();
    db.close();
  });
});
