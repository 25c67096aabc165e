import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import type { PlatformSigner } from '../service-handler.ts';
import type { ExchangeRecord, UnsignedExchange } from './exchange-record.ts';
import { createExchangesTable, exchangeWriter } from './exchange-writer.ts';

/** Exchanges handed to the writer but not yet stored, beyond which recording slows the request path down. */
const maxUnwritten = 20_000;

export interface ExchangeQuery {
  systemUuid: string;
  /** ISO time: only exchanges at or after it. */
  since?: string;
  limit?: number;
}

export interface RecorderOptions {
  flushMs?: number;
  batchSize?: number;
  /** Digest, sign and write on a worker thread (default), off the request path; otherwise on this thread. */
  worker?: { dbPath: string; privateKeyPem: string };
}

/**
 * Stores every exchange. The request path only pushes to a queue; every `flushMs` (or at
 * `batchSize`) the queue goes to the writer, which digests, signs (Ed25519) and inserts the batch in
 * one transaction on a worker thread. Reads first wait until everything queued is written, so an
 * exchange is visible to `GET /klarmeld/exchanges` as soon as its response was sent.
 */
export class ExchangeRecorder {
  private queue: UnsignedExchange[] = [];
  private timer: NodeJS.Timeout | undefined;
  private posted = 0;
  private readonly written = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker | undefined;
  private readonly writeHere: ((batch: UnsignedExchange[]) => void) | undefined;
  private readonly select: StatementSync;
  private readonly hasDigest: StatementSync;
  private readonly flushMs: number;
  private readonly batchSize: number;
  /** Writer errors (a full disk, …): the platform keeps answering; they are reported here. */
  readonly errors: string[] = [];

  constructor(db: DatabaseSync, signer: PlatformSigner, options: RecorderOptions = {}) {
    this.flushMs = options.flushMs ?? 20;
    this.batchSize = options.batchSize ?? 512;
    createExchangesTable(db);
    if (options.worker) {
      this.worker = new Worker(new URL('./recorder-worker.ts', import.meta.url), {
        workerData: { ...options.worker, written: this.written.buffer },
      });
      this.worker.on('message', (m: { error?: string }) => m.error && this.errors.push(m.error));
      this.worker.on('error', (e) => this.errors.push(e.message));
      this.worker.unref();
    } else {
      this.writeHere = exchangeWriter(db, (digest) => signer.sign(digest));
    }
    this.select = db.prepare('SELECT record, digest, signature FROM exchanges WHERE system_uuid = ? AND time >= ? ORDER BY seq LIMIT ?');
    this.hasDigest = db.prepare('SELECT 1 FROM exchanges WHERE digest = ? AND system_uuid = ?');
  }

  record(exchange: UnsignedExchange): void {
    this.queue.push(exchange);
    if (this.queue.length >= this.batchSize) this.post();
    else this.timer ??= setTimeout(() => this.post(), this.flushMs);
  }

  /** Hands the queue to the writer without waiting. */
  private post(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.posted += batch.length;
    if (this.worker) {
      this.worker.postMessage({ batch });
      // Memory stays bounded: when the writer falls this far behind, the request path waits for it.
      if (this.posted - Atomics.load(this.written, 0) > maxUnwritten) this.waitUntilWritten(this.posted - maxUnwritten / 2);
    }
    else {
      try {
        this.writeHere!(batch);
      } catch (error) {
        this.errors.push(error instanceof Error ? error.message : String(error));
      }
      Atomics.add(this.written, 0, batch.length);
    }
  }

  /** Writes everything queued and waits (at most 5 s) until it is in the database. */
  flush(): void {
    this.post();
    this.waitUntilWritten(this.posted);
  }

  private waitUntilWritten(target: number): void {
    const deadline = Date.now() + 5000;
    for (let seen = Atomics.load(this.written, 0); seen < target && Date.now() < deadline; seen = Atomics.load(this.written, 0)) {
      Atomics.wait(this.written, 0, seen, 100);
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

  /** Flushes and stops the writer thread. */
  async close(): Promise<void> {
    this.flush();
    if (this.worker) {
      const exited = new Promise((resolve) => this.worker!.once('exit', resolve));
      // unref'd so a forgotten platform never keeps a process alive; held while it closes.
      this.worker.ref();
      this.worker.postMessage({ close: true });
      await exited;
    }
  }
}
