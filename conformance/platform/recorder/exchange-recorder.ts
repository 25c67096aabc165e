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
  /** Digest and write on a worker thread (default), off the request path; otherwise on this thread. */
  worker?: { dbPath: string };
}

/**
 * Stores every exchange. The request path only pushes to a queue; every `flushMs` (or at
 * `batchSize`) the queue goes to the writer, which digests and inserts the batch in one transaction
 * on a worker thread; each exchange is signed (Ed25519, deterministic) when it is served. Reads
 * first wait until everything queued is written, so an exchange is visible to
 * `GET /klarmeld/exchanges` as soon as its response was sent.
 */
export class ExchangeRecorder {
  private queue: UnsignedExchange[] = [];
  private timer: NodeJS.Timeout | undefined;
  private posted = 0;
  /** [exchanges written, writer state: 0 starting, 1 ready, 2 failed, writer CPU ms], shared with the writer thread. */
  private readonly shared = new Int32Array(new SharedArrayBuffer(12));
  private worker: Worker | undefined;
  private readonly workerStartedAt = Date.now();
  /** Batches handed to the writer thread and not yet acknowledged, to write here if it fails. */
  private inflight: { end: number; batch: UnsignedExchange[] }[] = [];
  private writeHere: ((batch: UnsignedExchange[]) => void) | undefined;
  private readonly db: DatabaseSync;
  private readonly signer: PlatformSigner;
  private readonly select: StatementSync;
  private readonly hasDigest: StatementSync;
  private readonly flushMs: number;
  private readonly batchSize: number;
  /** Writer errors (a full disk, a writer thread that could not start, …): the platform keeps answering; they are reported here. */
  readonly errors: string[] = [];

  constructor(db: DatabaseSync, signer: PlatformSigner, options: RecorderOptions = {}) {
    this.db = db;
    this.signer = signer;
    this.flushMs = options.flushMs ?? 20;
    this.batchSize = options.batchSize ?? 512;
    createExchangesTable(db);
    if (options.worker) {
      this.worker = new Worker(new URL('./recorder-worker.ts', import.meta.url), {
        workerData: { ...options.worker, shared: this.shared.buffer },
      });
      this.worker.on('message', (m: { error?: string }) => m.error && this.errors.push(m.error));
      this.worker.on('error', (e) => this.writeOnThisThread(`writer thread failed: ${e.message}`));
      this.worker.on('exit', () => this.worker && this.writeOnThisThread('writer thread exited'));
      this.worker.unref();
    } else {
      this.writeOnThisThread();
    }
    this.select = db.prepare('SELECT record, digest, signature FROM exchanges WHERE system_uuid = ? AND time >= ? ORDER BY seq LIMIT ?');
    this.hasDigest = db.prepare('SELECT 1 FROM exchanges WHERE digest = ? AND system_uuid = ?');
  }

  record(exchange: UnsignedExchange): void {
    this.queue.push(exchange);
    if (this.queue.length >= this.batchSize) this.post();
    else this.timer ??= setTimeout(() => this.post(), this.flushMs);
  }

  private get written(): number {
    return Atomics.load(this.shared, 0);
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
      this.inflight.push({ end: this.posted, batch });
      this.worker.postMessage({ batch });
      this.forgetWritten();
      // Memory stays bounded: when the writer falls this far behind, the request path waits for it.
      if (this.posted - this.written > maxUnwritten) this.waitUntilWritten(this.posted - maxUnwritten / 2);
    } else this.writeBatch(batch);
  }

  private writeBatch(batch: UnsignedExchange[]): void {
    try {
      this.writeHere!(batch);
    } catch (error) {
      this.errors.push(error instanceof Error ? error.message : String(error));
    }
    Atomics.add(this.shared, 0, batch.length);
  }

  private forgetWritten(): void {
    const written = this.written;
    let i = 0;
    while (i < this.inflight.length && this.inflight[i]!.end <= written) i += 1;
    if (i > 0) this.inflight = this.inflight.slice(i);
  }

  /**
   * From now on digest and write here: the writer thread failed (or is not wanted). What it
   * had not acknowledged is written here, so no exchange is lost.
   */
  private writeOnThisThread(reason?: string): void {
    if (this.writeHere) return;
    if (reason) this.errors.push(reason);
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.writeHere = exchangeWriter(this.db);
    this.forgetWritten();
    const pending = this.inflight;
    this.inflight = [];
    for (const { batch } of pending) this.writeBatch(batch);
  }

  /** Writes everything queued and waits (at most 5 s) until it is in the database. */
  flush(): void {
    this.post();
    this.waitUntilWritten(this.posted);
  }

  private waitUntilWritten(target: number): void {
    const deadline = Date.now() + 5000;
    for (let seen = this.written; seen < target && Date.now() < deadline; seen = this.written) {
      const state = Atomics.load(this.shared, 1);
      // A writer that never started (or reported failure) would make every read wait: write here instead.
      if (state === 2 || (state === 0 && Date.now() - this.workerStartedAt > 3000)) {
        this.writeOnThisThread(state === 2 ? 'writer thread failed' : 'writer thread did not start within 3 s');
        return;
      }
      Atomics.wait(this.shared, 0, seen, 50);
    }
  }

  /** CPU time the writer thread has used, in ms (0 when writing on this thread): for the bench's breakdown. */
  writerCpuMs(): number {
    return Atomics.load(this.shared, 2);
  }

  /** Exchanges of one it-system, oldest first, each with the platform's signature over its digest. */
  exchanges(query: ExchangeQuery): ExchangeRecord[] {
    this.flush();
    const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
    const rows = this.select.all(query.systemUuid, query.since ?? '', limit) as { record: string; digest: string; signature: string }[];
    return rows.map((r) => ({ ...(JSON.parse(r.record) as UnsignedExchange), digest: r.digest, signature: r.signature || this.signer.sign(r.digest) }));
  }

  /** The digests among `digests` that were NOT recorded for this it-system. */
  unknownDigests(systemUuid: string, digests: readonly string[]): string[] {
    this.flush();
    return digests.filter((d) => this.hasDigest.get(d, systemUuid) === undefined);
  }

  /** Flushes and stops the writer thread. */
  async close(): Promise<void> {
    this.flush();
    const worker = this.worker;
    if (worker) {
      this.worker = undefined;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      // unref'd so a forgotten platform never keeps a process alive; held while it closes.
      worker.ref();
      worker.postMessage({ close: true });
      await exited;
    }
  }
}
