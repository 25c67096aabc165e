import { hash } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { canonicalExchangeJson } from './canonical-exchange.ts';
import { createDigestIndex, digestMerger } from './digest-index.ts';
import type { UnsignedExchange } from './exchange-record.ts';
import { createTimeMarks, type Stored, timeMarker } from './time-marks.ts';

/**
 * `id` is a random UUID made by the platform, so it carries no UNIQUE index: that index cost a third
 * of every insert. (system_uuid, seq) lets a page of `GET /klarmeld/exchanges` start after its
 * cursor and stop at its size without sorting. A page from a `since` time finds its start in the
 * time marks (time-marks.ts), and the evidence route's digest lookups have their own index, merged
 * in bulk (digest-index.ts): neither costs an index entry per exchange.
 */
export function createExchangesTable(db: DatabaseSync): void {
  db.exec(`CREATE TABLE IF NOT EXISTS exchanges (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, time TEXT NOT NULL, system_uuid TEXT NOT NULL,
    digest TEXT NOT NULL, signature TEXT NOT NULL, record TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS exchanges_system_seq ON exchanges(system_uuid, seq);`);
  createTimeMarks(db);
  createDigestIndex(db);
}

/**
 * Digests and stores a batch of exchanges in one transaction. Used on the recorder's writer thread
 * (and on the main thread when no worker is wanted). The signature is not made here: Ed25519 is
 * deterministic, so signing the stored digest when an exchange is served (ExchangeRecorder.exchanges)
 * gives exactly the signature signing now would, and only the exchanges someone asks for as
 * evidence pay for it (~45 µs each, a third of the writer's work per exchange). The column stays
 * for databases written before, whose rows carry their signature.
 */
export function exchangeWriter(db: DatabaseSync): (batch: UnsignedExchange[]) => void {
  createExchangesTable(db);
  const insert: StatementSync = db.prepare(
    'INSERT INTO exchanges (id, time, system_uuid, digest, signature, record) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const mergeDigests = digestMerger(db);
  const markTimes = timeMarker(db);
  return (batch) => {
    db.exec('BEGIN');
    try {
      const stored: Stored[] = [];
      for (const exchange of batch) {
        // The record has no digest/signature yet, so this is exactly exchangeDigest(record), with one
        // canonicalisation; the one-shot hash is evidence's sha256Hex (SHA-256 of UTF-8, hex) without a Hash object.
        const canonical = canonicalExchangeJson(exchange);
        const digest = hash('sha256', canonical, 'hex');
        const { lastInsertRowid } = insert.run(exchange.id, exchange.time, exchange.systemUuid, digest, '', canonical);
        stored.push({ systemUuid: exchange.systemUuid, time: exchange.time, seq: Number(lastInsertRowid) });
      }
      markTimes(stored);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    // After the batch's own commit: a failed merge loses no exchange, the next batch retries it.
    mergeDigests();
  };
}
