/**
 * PostgreSQL rows as the SQLite rows the shared mappers (sqlite-rows.ts) read: timestamps
 * become ISO 8601 text as SQLite stores them, jsonb becomes JSON text, bigint stays text (the
 * mappers take Number of it). One set of mappers keeps both stores' records alike.
 */
import type { EventEvidence, StatusEvent } from '../../conformance/onboarding/index.ts';
import type { Row } from './sqlite-rows.ts';

export function asSqliteRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] =
      value instanceof Date
        ? value.toISOString()
        : value !== null && typeof value === 'object'
          ? JSON.stringify(value)
          : (value as string | number | null);
  }
  return out;
}

/** A status_events row as the sheet's event (the shape SheetStore gives). */
export function toStatusEvent(raw: Record<string, unknown>): StatusEvent {
  const row = asSqliteRow(raw);
  return {
    seq: Number(row.seq),
    id: String(row.id),
    system: String(row.system),
    integration: String(row.integration),
    status: String(row.status),
    ...(row.reason !== null ? { reason: String(row.reason) } : {}),
    actor: String(row.actor),
    at: String(row.at),
    source: row.source as StatusEvent['source'],
    ...(row.evidence !== null ? { evidence: JSON.parse(String(row.evidence)) as EventEvidence } : {}),
    ...(row.word != null ? { word: String(row.word) } : {}),
  };
}
