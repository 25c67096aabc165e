/**
 * The recorder's writer per stored exchange, in isolation: CPU time of `exchangeWriter` (canonical
 * JSON, SHA-256, SQLite insert in WAL, the digest index merged every 4,096 exchanges) over batches
 * of PersonLookup-sized exchanges (827-byte request, 1,900-byte answer), as the table grows; then
 * the reads that must not get slower: pages of `GET /klarmeld/exchanges` (cursor and `since`) and
 * the evidence route's digest lookups. The database is opened as the platform opens it
 * (openDatabase, for the reads) and the writer has a connection of its own, as the writer thread
 * has; `--page-size 4096` first makes the file with that page size, as a database created before keeps it.
 *
 *   npx node bench/platform/recorder-writer.ts [--batch 60] [--rows 40000] [--rounds 4] [--systems 1] [--page-size N]
 *     [--synchronous OFF|NORMAL|FULL] [--wal-autocheckpoint PAGES] [--mmap-size BYTES]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import type { UnsignedExchange } from '../../conformance/platform/recorder/exchange-record.ts';
import { ExchangeRecorder } from '../../conformance/platform/recorder/exchange-recorder.ts';
import { exchangeWriter } from '../../conformance/platform/recorder/exchange-writer.ts';
import { openDatabase } from '../../conformance/platform/store/open-database.ts';
import { loadOrCreateSigner } from '../../conformance/platform/store/signing-key.ts';

const { values } = parseArgs({
  options: {
    batch: { type: 'string', default: '60' },
    rows: { type: 'string', default: '40000' },
    rounds: { type: 'string', default: '4' },
    systems: { type: 'string', default: '1' },
    'page-size': { type: 'string' },
    // Diagnostics: the platform's connections use synchronous NORMAL and SQLite's autocheckpoint (1,000 pages).
    synchronous: { type: 'string' },
    'wal-autocheckpoint': { type: 'string' },
    // The writer's connection has none, as the writer thread's (recorder-worker.ts); this sets one.
    'mmap-size': { type: 'string' },
  },
});
const batch = Number(values.batch);
const rows = Number(values.rows);
const systems = Array.from(
  { length: Number(values.systems) },
  (_, i) => `b5d6d9e0-5f5e-4b1d-9d0f-2a3b4c5d6e${String(i).padStart(2, '0')}`,
);
const body = (n: number, c: string) => `<x a="1">${c.repeat(n - 15)}</x>`;
let made = 0;
const exchange = (): UnsignedExchange => ({
  id: randomUUID(),
  time: new Date().toISOString(),
  systemUuid: systems[made++ % systems.length]!,
  systemName: 'Bench',
  integration: 'SF1520',
  service: 'PersonBaseDataExtended',
  operation: 'PersonLookup',
  soapVersion: '1.1',
  soapAction: 'http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/PersonLookup',
  method: 'POST',
  path: '/service/CPR/PersonBaseDataExtended/4',
  status: 200,
  latencyMs: 0.512,
  request: { contentType: 'text/xml; charset=utf-8', size: 827, body: body(827, 'q'), truncated: false },
  response: { contentType: 'text/xml; charset=utf-8', size: 1900, body: body(1900, 'a'), truncated: false },
  findings: [],
});
const cpuUs = (from: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(from);
  return c.user + c.system;
};

const dir = mkdtempSync(join(tmpdir(), 'klarmeld-recorder-writer-'));
try {
  if (values['page-size']) {
    const old = new DatabaseSync(join(dir, 'platform.sqlite'));
    old.exec(`PRAGMA page_size = ${Number(values['page-size'])}; CREATE TABLE made_before (x)`);
    old.close();
  }
  const db = openDatabase(dir);
  // The writer's own connection, opened as the writer thread opens it (recorder-worker.ts).
  const writer = new DatabaseSync(join(dir, 'platform.sqlite'));
  writer.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000');
  if (values.synchronous) writer.exec(`PRAGMA synchronous = ${values.synchronous}`);
  if (values['mmap-size']) writer.exec(`PRAGMA mmap_size = ${Number(values['mmap-size'])}`);
  if (values['wal-autocheckpoint']) writer.exec(`PRAGMA wal_autocheckpoint = ${Number(values['wal-autocheckpoint'])}`);
  const pageSize = (db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size;
  console.log(`page size ${pageSize} bytes, ${systems.length} system(s), batches of ${batch}`);
  const write = exchangeWriter(writer);
  for (let round = 1; round <= Number(values.rounds); round++) {
    // Batches arrive at the writer thread by postMessage, whose structured clone is v8's serializer:
    // deserializing them is the writer's work too, and leaves young garbage as there, not a heap of
    // live exchanges for the collector to walk.
    const batches = Array.from({ length: Math.ceil(rows / batch) }, () =>
      serialize(Array.from({ length: batch }, exchange)),
    );
    let receiveUs = 0;
    const started = process.cpuUsage();
    for (const message of batches) {
      const received = process.cpuUsage();
      const b = deserialize(message) as UnsignedExchange[];
      receiveUs += cpuUs(received);
      write(b);
    }
    const cpu = process.cpuUsage(started);
    const n = batches.length * batch;
    console.log(
      `table at ${round * n} exchanges: ${((cpu.user + cpu.system - receiveUs) / n).toFixed(1)} µs CPU per stored exchange (system ${(cpu.system / n).toFixed(1)}), ` +
        `+ ${(receiveUs / n).toFixed(1)} µs to receive it (structured clone)`,
    );
  }
  readBack(db, systems[0]!);
  writer.close();
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The reads of one system, as the exchanges API and the evidence route make them. */
function readBack(db: DatabaseSync, systemUuid: string): void {
  const recorder = new ExchangeRecorder(db, loadOrCreateSigner(db));
  let started = process.cpuUsage();
  let after: number | undefined;
  let pages = 0;
  do {
    after = recorder.page({ systemUuid, after, limit: 100 }).next;
    pages += 1;
  } while (after !== undefined && pages < 400);
  const pageUs = cpuUs(started) / pages;
  const times = (
    db.prepare('SELECT time FROM exchanges WHERE system_uuid = ? ORDER BY seq').all(systemUuid) as { time: string }[]
  ).map((r) => r.time);
  const digests = (
    db.prepare('SELECT digest FROM exchanges WHERE system_uuid = ?').all(systemUuid) as { digest: string }[]
  ).map((r) => r.digest);
  started = process.cpuUsage();
  for (let i = 0; i < 200; i++)
    recorder.page({ systemUuid, since: times[Math.floor((i * times.length) / 200)], limit: 100 });
  const sinceUs = cpuUs(started) / 200;
  const lookups = 50;
  let unknown = 0;
  started = process.cpuUsage();
  for (let i = 0; i < lookups; i++) {
    const run = Array.from({ length: 200 }, (_, j) => digests[(i * 7919 + j * 104729) % digests.length]!);
    unknown += recorder.unknownDigests(systemUuid, [...run, 'f'.repeat(64)]).length;
  }
  const lookupUs = cpuUs(started) / lookups;
  if (unknown !== lookups) throw new Error(`digest lookups: ${unknown} unknown, expected ${lookups}`);
  console.log(
    `reads: ${(pageUs / 1000).toFixed(2)} ms CPU per page of 100 (cursor, ${pages} pages), ${(sinceUs / 1000).toFixed(2)} ms per page from a 'since' time, ` +
      `${(lookupUs / 1000).toFixed(2)} ms per evidence lookup of 201 digests`,
  );
}
