/**
 * The recorder's writer thread: receives batches of exchanges, digests and stores them in
 * its own SQLite connection (WAL), then counts them in shared memory so the main thread can wait
 * for "everything posted is written" before it reads.
 */
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import type { UnsignedExchange } from './exchange-record.ts';
import { exchangeWriter } from './exchange-writer.ts';

const { dbPath, shared } = workerData as { dbPath: string; shared: SharedArrayBuffer };
// [0]: exchanges written; [1]: 0 starting, 1 ready, 2 failed (the main thread then writes itself); [2]: this thread's CPU ms.
const counter = new Int32Array(shared);
let write: (batch: UnsignedExchange[]) => void;
let db: DatabaseSync;
try {
  db = new DatabaseSync(dbPath);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000');
  write = exchangeWriter(db);
  Atomics.store(counter, 1, 1);
} catch (error) {
  Atomics.store(counter, 1, 2);
  Atomics.notify(counter, 0);
  throw error;
}

parentPort!.on('message', (message: { batch?: UnsignedExchange[]; close?: boolean }) => {
  if (message.batch) {
    try {
      write(message.batch);
    } catch (error) {
      parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
    }
    const cpu = process.threadCpuUsage();
    Atomics.store(counter, 2, Math.round((cpu.user + cpu.system) / 1000));
    Atomics.add(counter, 0, message.batch.length);
    Atomics.notify(counter, 0);
  }
  if (message.close) {
    db.close();
    parentPort!.close();
  }
});
