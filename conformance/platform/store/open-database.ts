import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ensureSecretFile } from './secret-file.ts';

/** Page size of a new platform database, in bytes. */
export const platformPageSize = 16384;

/**
 * Bytes of the file SQLite reads through a memory map instead of read(): the evidence route's
 * digest lookups read one exchange per digest at a random place, and a read() copies a whole
 * 16 KiB page for it (a lookup of 200 digests at 100,000 exchanges: 1.38 → 1.00 ms). Writes still
 * go through write(), so a crash is as safe as before; the price is that a disk error on a mapped
 * read stops the process (SIGBUS) instead of failing that one query.
 */
export const platformMmapBytes = 1 << 30;

/**
 * The platform's one SQLite file, `<dataDir>/platform.sqlite`, in WAL mode so the recorder's
 * batched writes never block readers (the exchanges API, admin commands in another process).
 * It holds the evidence-signing private key, so it and its -wal/-shm files are owner-only
 * (0600) whatever the folder's mode: `mkdirSync`'s mode does nothing for a folder that exists.
 */
export function openDatabase(dataDir: string): DatabaseSync {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, 'platform.sqlite');
  ensureSecretFile(path, { create: true });
  for (const suffix of ['-wal', '-shm']) ensureSecretFile(path + suffix);
  const db = new DatabaseSync(path);
  // Before the first table, so only a new file gets it (a file made before keeps its own): a
  // recorded exchange is ~3.5 KB, so 4 KiB pages held one each and the recorder's writer spent
  // ~6 µs more CPU per exchange on page writes (bench/platform/recorder-writer.ts).
  db.exec(`PRAGMA page_size = ${platformPageSize}`);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(`PRAGMA mmap_size = ${platformMmapBytes}`);
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA foreign_keys = ON');
  // SQLite gives new -wal/-shm files the main file's mode; this covers a SQLite that does not.
  for (const suffix of ['-wal', '-shm']) ensureSecretFile(path + suffix);
  return db;
}
