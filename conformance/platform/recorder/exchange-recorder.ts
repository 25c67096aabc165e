import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { canonicalJson, exchangeDigest } from '../../evidence/index.ts';
import type { PlatformSigner } from '../service-handler.ts';
import type { ExchangeRecord, UnsignedExchange } from './exchange-record.ts';

export interface ExchangeQuery {
  systemUuid: string;
  /** ISO time: only exchanges at or after it. */
  since?: string;
  limit?: number;
}

/**
 * Stores every exchange. Records are queued and written in one transaction per batch (every
 * `flushMs`, or at once when `batchSize` are waiting), so recording costs the request path only an
 * array push; digests and signatures are made at write time. Reads flush first, so an exchange is
 * visible to `GET /klarmeld/exchanges` as soon as its response was sent.
 */
export class ExchangeRecorder {
  private queue: UnsignedExchange[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly insert: StatementSync;
  private readonly select: StatementSync;
  private readonly hasDigest: StatementSync;
  private readonly db: DatabaseSync;
  private readonly signer: PlatformSigner;
  private readonly flushMs: number;
  private readonly batchSize: number;

  constructor(db: DatabaseSync, signer: PlatformSigner, options: { flushMs?: number; batchSize?: number } = {}) {
    this.db = db;
    this.signer = signer;
    this.flushMs = options.flushMs ?? 20;
    this.batchSize = options.batchSize ?? 512;
    db.exec(`CREATE TABLE IF NOT EXISTS exchanges (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, time TEXT NOT NULL, system_uuid TEXT NOT NULL,
      digest TEXT NOT NULL, signature TEXT NOT NULL, record TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS exchanges_system_time ON exchanges(system_uuid, time);
      CREATE INDEX IF NOT EXISTS exchanges_digest ON exchanges(digest);`);
    this.insert = db.prepare('INSERT INTO exchanges (id, time, system_uuid, digest, signature, record) VALUES (?, ?, ?, ?, ?, ?)');
    this.select = db.prepare('SELECT record, digest, signature FROM exchanges WHERE system_uuid = ? AND time >= ? ORDER BY seq LIMIT ?');
    this.hasDigest = db.prepare('SELECT 1 FROM exchanges WHERE digest = ? AND system_uuid = ?');
  }

  record(exchange: UnsignedExchange): void {
    this.queue.push(exchange);
    if (this.queue.length >= this.batchSize) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.flushMs);
  }

  /** Writes every queued exchange now, in one transaction. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.db.exec('BEGIN');
    try {
      for (const exchange of batch) {
        const digest = exchangeDigest(exchange as unknown as Record<string, unknown>);
        this.insert.run(exchange.id, exchange.time, exchange.systemUuid, digest, this.signer.sign(digest), canonicalJson(exchange));
      }
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Exchanges of one it-system, oldest first. */
  exchanges(query: ExchangeQuery): ExchangeRecord[] {
    this.flush();
    const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
    const rows = this.select.all(query.systemUuid, query.since ?? '', limit) as { record: string; digest: string; signature: string }[];
    return rows.map((r) => ({ ...(JSON.parse(r.record) as UnsignedExchange), digest: r.digest, signature: r.signature }));
  }

  /** The digests among `digests` that were NOT recorded for this it-system. */
  unknownDigests(systemUuid: string, digests: readonly string[]): string[] {
    this.flush();
    return digests.filter((d) => this.hasDigest.get(d, systemUuid) === undefined);
  }

  close(): void {
    this.flush();
  }
}
