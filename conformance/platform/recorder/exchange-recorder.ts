import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import type { PlatformSigner } from '../service-handler.ts';
import type { ExchangeRecord, UnsignedExchange } from './exchange-record.ts';
import { digestLookup } from './digest-index.ts';
import { createExchangesTable, exchangeWriter } from './exchange-writer.ts';
import { firstSinceLookup } from './time-marks.ts';

/** Exchanges handed to the writer but not yet stored, beyond which recording slows the request path down. */
const maxUnwritten = 20_000;

export interface ExchangeQuery {
  systemUuid: string;
  /** ISO time: only exchanges at or after it. */
  since?: string;
  limit?: number;
}

export interface ExchangePageQuery {
  systemUuid: string;
  /** ISO time: only exchanges at or after it. */
  since?: string;
  /** The cursor: only exchanges stored after this one (its `seq`, given as a page's `next`). */
  after?: number;
  /** Most exchanges in the page (1–1000, default 100). */
  limit?: number;
  /** Most bytes of served exchange JSON (each plus one for its comma); the first exchange is always in. */
  maxBytes?: number;
}

/** One stored exchange, not yet turned into the JSON it is served as (`servedJson`). */
export interface StoredExchange {
  seq: number;
  /** canonicalJson of the unsigned record, as digested. */
  record: string;
  digest: string;
  /** '' for exchanges stored since signing moved to serving time. */
  signature: string;
  /** Bytes of `servedJson` of this exchange. */
  bytes: number;
}

export interface ExchangePage {
  exchanges: StoredExchange[];
  /** Where the next page starts (`after`), when this one was cut by its limit or its size. */
  next?: number;
}

/** Bytes `servedJson` adds to a record: ,"digest":"…","signature":"…" (an Ed25519 signature is 88 base64 characters). */
const servedOverhead = (digest: string, signature: string) => 30 + digest.length + (signature.length || 88);

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
  private readonly firstSince: (systemUuid: string, since: string) => number | undefined;
  private readonly knownDigests: (systemUuid: string, digests: readonly string[]) => Set<string>;
  private readonly flushMs: number;
  private readonly batchSize: number;
  /** Writer errors (a full disk, a writer thread that could not start, …): the platform keeps answering; they are reported here. */
  readonly errors: string[] = [];

  constructor(db: DatabaseSync, signer: PlatformSigner, options: RecorderOptions = {}) {
    this.db = db;
    this.signer = signer;
    this.flushMs = options.flushMs ?? 20;
    // Small batches: a post clones its batch on the request thread, and 512 PersonLookup-sized
    // exchanges (~1.8 MB) held that thread ~1 ms at a time and out of its caches; 64 measured
    // 8–15 % more req/s under bench/platform/side-by-side.ts (16 cost the writer more per exchange).
    this.batchSize = options.batchSize ?? 64;
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
    this.select = db.prepare(
      'SELECT seq, record, digest, signature FROM exchanges WHERE system_uuid = ? AND seq > ? AND time >= ? ORDER BY seq LIMIT ?',
    );
    this.firstSince = firstSinceLookup(db);
    this.knownDigests = digestLookup(db);
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

  /** Exchanges of one it-system, oldest first, each with the platform's signature over its digest. At most `limit` (≤ 1000): `pages` gives them all. */
  exchanges(query: ExchangeQuery): ExchangeRecord[] {
    return this.page(query).exchanges.map((e) => this.signed(e));
  }

  /**
   * One page of an it-system's exchanges in the order they were stored, bounded by count and by
   * bytes so that a client with many large exchanges cannot make one read build a huge answer.
   * Rows are read one by one and reading stops at either bound. Signing waits for `servedJson`.
   */
  page(query: ExchangePageQuery): ExchangePage {
    this.flush();
    const asked = Math.trunc(query.limit ?? 100);
    const limit = Number.isFinite(asked) ? Math.min(Math.max(asked, 1), 1000) : 100;
    const maxBytes = query.maxBytes ?? Number.POSITIVE_INFINITY;
    const exchanges: StoredExchange[] = [];
    let bytes = 0;
    let next: number | undefined;
    let after = query.after ?? 0;
    if (query.since) {
      // A `since` query starts where the time marks say the first exchange from then may be, never
      // before it, instead of walking every older exchange of the system to check its time: a
      // cursor (`after`) from a client only moves the start later, never earlier.
      const first = this.firstSince(query.systemUuid, query.since);
      if (first === undefined) return { exchanges };
      after = Math.max(after, first - 1);
    }
    const rows = this.select.iterate(query.systemUuid, after, query.since ?? '', limit + 1) as Iterable<
      Omit<StoredExchange, 'bytes'>
    >;
    for (const row of rows) {
      const size = Buffer.byteLength(row.record, 'utf8') + servedOverhead(row.digest, row.signature);
      if (exchanges.length === limit || (exchanges.length > 0 && bytes + size + 1 > maxBytes)) {
        next = exchanges.at(-1)!.seq;
        break; // ends the statement: the rest is never read
      }
      exchanges.push({ ...row, bytes: size });
      bytes += size + 1;
    }
    return { exchanges, ...(next === undefined ? {} : { next }) };
  }

  /** Every exchange of an it-system, oldest first, one page in memory at a time. */
  *pages(query: Omit<ExchangePageQuery, 'after'>): Generator<ExchangeRecord[]> {
    let after: number | undefined;
    do {
      const page = this.page({ ...query, after });
      yield page.exchanges.map((e) => this.signed(e));
      after = page.next;
    } while (after !== undefined);
  }

  /**
   * A stored exchange as served: its record with `digest` and `signature` added, without parsing
   * it again (the record is canonical JSON of an object, so its closing brace is the last character).
   */
  servedJson(exchange: StoredExchange): string {
    const signature = exchange.signature || this.signer.sign(exchange.digest);
    return `${exchange.record.slice(0, -1)},"digest":${JSON.stringify(exchange.digest)},"signature":${JSON.stringify(signature)}}`;
  }

  private signed(exchange: StoredExchange): ExchangeRecord {
    return {
      ...(JSON.parse(exchange.record) as UnsignedExchange),
      digest: exchange.digest,
      signature: exchange.signature || this.signer.sign(exchange.digest),
    };
  }

  /** The digests among `digests` that were NOT recorded for this it-system. */
  unknownDigests(systemUuid: string, digests: readonly string[]): string[] {
    this.flush();
    const known = this.knownDigests(systemUuid, digests);
    return digests.filter((d) => !known.has(d));
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
