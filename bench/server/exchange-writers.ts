/**
 * The platform recorder's write path on each back end: a batch of exchanges, digested and stored
 * in one transaction, as the recorder's writer thread does. SQLite runs the platform's own
 * exchangeWriter; PostgreSQL and PGlite store the same columns with one INSERT per batch.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { sha256Hex } from '../../conformance/evidence/index.ts';
import { canonicalExchangeJson } from '../../conformance/platform/recorder/canonical-exchange.ts';
import type { UnsignedExchange } from '../../conformance/platform/recorder/exchange-record.ts';
import { exchangeWriter } from '../../conformance/platform/recorder/exchange-writer.ts';
import { openDatabase } from '../../conformance/platform/store/open-database.ts';

export type BatchWriter = (batch: UnsignedExchange[]) => Promise<void>;

const body = (name: string) =>
  `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body><${name}>${'<Felt>værdi</Felt>'.repeat(30)}</${name}></soap:Body></soap:Envelope>`;

/** A PersonLookup exchange of the usual size (~1.5 KB stored). */
export function sampleExchange(systemUuid: string): UnsignedExchange {
  const request = body('PersonLookupRequest');
  const response = body('PersonLookupResponse');
  return {
    id: randomUUID(),
    time: new Date().toISOString(),
    systemUuid,
    systemName: 'bench',
    integration: 'SF1520',
    service: 'PersonBaseDataExtendedService',
    operation: 'PersonLookup',
    method: 'POST',
    path: '/service/CPR/PersonBaseDataExtended/5',
    soapVersion: '1.2',
    status: 200,
    latencyMs: 1.7,
    request: { contentType: 'application/soap+xml', size: request.length, body: request, truncated: false },
    response: { contentType: 'application/soap+xml', size: response.length, body: response, truncated: false },
    findings: [],
  };
}

/** The platform's own database (its page size, memory map and pragmas) in `dataDir`, and its own writer. */
export function sqliteExchangeWriter(dataDir: string): { write: BatchWriter; close(): void } {
  const db = openDatabase(dataDir);
  const write = exchangeWriter(db);
  return { write: async (batch) => write(batch), close: () => db.close() };
}

/** The same table in PostgreSQL's words (bigint identity, jsonb would re-serialise: the canonical text is kept as text). */
export async function postgresExchangeWriter(pool: pg.Pool): Promise<BatchWriter> {
  await pool.query(`CREATE TABLE IF NOT EXISTS exchanges (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id uuid NOT NULL, time timestamptz NOT NULL, system_uuid text NOT NULL,
    digest text NOT NULL, signature text NOT NULL, record text NOT NULL);
    CREATE INDEX IF NOT EXISTS exchanges_system_time ON exchanges (system_uuid, time);
    CREATE INDEX IF NOT EXISTS exchanges_system_seq ON exchanges (system_uuid, seq);
    CREATE INDEX IF NOT EXISTS exchanges_digest ON exchanges (digest);`);
  return async (batch) => {
    const canonical = batch.map(canonicalExchangeJson);
    await pool.query(
      `INSERT INTO exchanges (id, time, system_uuid, digest, signature, record)
       SELECT id, time, system_uuid, digest, '', record FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[]) AS e (id, time, system_uuid, digest, record)`,
      [
        batch.map((e) => e.id),
        batch.map((e) => e.time),
        batch.map((e) => e.systemUuid),
        canonical.map(sha256Hex),
        canonical,
      ],
    );
  };
}
