/**
 * The recorder's writer per stored exchange, in isolation: CPU time of `exchangeWriter` (canonical
 * JSON, SHA-256, SQLite insert in WAL, the digest index merged every 4,096 exchanges) over batches
 * of PersonLookup-sized exchanges (827-byte request, 1,900-byte answer), as the table grows. The
 * cost that grows with the table is what a per-insert random index added (issue 15).
 *
 *   npx node bench/platform/recorder-writer.ts [--batch 60] [--rows 40000] [--rounds 4]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { UnsignedExchange } from '../../conformance/platform/recorder/exchange-record.ts';
import { exchangeWriter } from '../../conformance/platform/recorder/exchange-writer.ts';

const { values } = parseArgs({
  options: {
    batch: { type: 'string', default: '60' },
    rows: { type: 'string', default: '40000' },
    rounds: { type: 'string', default: '4' },
  },
});
const batch = Number(values.batch);
const rows = Number(values.rows);
const dir = mkdtempSync(join(tmpdir(), 'klarmeld-recorder-writer-'));
try {
  const db = new DatabaseSync(join(dir, 'platform.sqlite'));
  // As the writer thread opens it (recorder-worker.ts).
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL');
  const write = exchangeWriter(db);
  const body = (n: number, c: string) => `<x>${c.repeat(n - 7)}</x>`;
  const exchange = (): UnsignedExchange => ({
    id: randomUUID(),
    time: new Date().toISOString(),
    systemUuid: 'b5d6d9e0-5f5e-4b1d-9d0f-2a3b4c5d6e7f',
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
  for (let round = 1; round <= Number(values.rounds); round++) {
    const batches = Array.from({ length: Math.ceil(rows / batch) }, () => Array.from({ length: batch }, exchange));
    const started = process.cpuUsage();
    for (const b of batches) write(b);
    const cpu = process.cpuUsage(started);
    const n = batches.length * batch;
    console.log(
      `table at ${round * n} exchanges: ${((cpu.user + cpu.system) / n).toFixed(1)} µs CPU per stored exchange (system ${(cpu.system / n).toFixed(1)})`,
    );
  }
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
