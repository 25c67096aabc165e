import type { DatabaseSync } from 'node:sqlite';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  /** HTTP status of the answer, absent when no answer came (refused, timed out, TLS failure). */
  httpStatus?: number;
  /** StandardRetur StatusKode of the answer, when it had one. */
  statusKode?: number;
  error?: string;
  latencyMs: number;
}

export interface Delivery {
  id: string;
  systemUuid: string;
  url: string;
  beskedId: string;
  beskedtype: string;
  status: DeliveryStatus;
  createdAt: string;
  attempts: DeliveryAttempt[];
}

/** Deliveries and every attempt, in the platform's SQLite database (tables `beskedfordeler_*`). */
export function createDeliveryStore(db: DatabaseSync) {
  db.exec(`CREATE TABLE IF NOT EXISTS beskedfordeler_deliveries (
      id TEXT PRIMARY KEY, system_uuid TEXT NOT NULL, url TEXT NOT NULL, besked_id TEXT NOT NULL,
      beskedtype TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL, message TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS beskedfordeler_attempts (
      delivery_id TEXT NOT NULL, attempt INTEGER NOT NULL, at TEXT NOT NULL, http_status INTEGER,
      status_kode INTEGER, error TEXT, latency_ms INTEGER NOT NULL, PRIMARY KEY (delivery_id, attempt));`);
  const insert = db.prepare('INSERT INTO beskedfordeler_deliveries VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const setStatus = db.prepare('UPDATE beskedfordeler_deliveries SET status = ? WHERE id = ?');
  const addAttempt = db.prepare('INSERT INTO beskedfordeler_attempts VALUES (?, ?, ?, ?, ?, ?, ?)');
  const bySystem = db.prepare(
    'SELECT * FROM beskedfordeler_deliveries WHERE system_uuid = ? AND created_at >= ? ORDER BY created_at, id',
  );
  const byId = db.prepare('SELECT * FROM beskedfordeler_deliveries WHERE id = ?');
  const attemptsOf = db.prepare('SELECT * FROM beskedfordeler_attempts WHERE delivery_id = ? ORDER BY attempt');
  const view = (row: Record<string, unknown>): Delivery => ({
    id: String(row.id),
    systemUuid: String(row.system_uuid),
    url: String(row.url),
    beskedId: String(row.besked_id),
    beskedtype: String(row.beskedtype),
    status: row.status as DeliveryStatus,
    createdAt: String(row.created_at),
    attempts: attemptsOf.all(String(row.id)).map((a) => ({
      attempt: Number(a.attempt),
      at: String(a.at),
      ...(a.http_status != null ? { httpStatus: Number(a.http_status) } : {}),
      ...(a.status_kode != null ? { statusKode: Number(a.status_kode) } : {}),
      ...(a.error != null ? { error: String(a.error) } : {}),
      latencyMs: Number(a.latency_ms),
    })),
  });
  return {
    create(d: Omit<Delivery, 'attempts' | 'status'> & { message: string }): void {
      insert.run(d.id, d.systemUuid, d.url, d.beskedId, d.beskedtype, 'pending', d.createdAt, d.message);
    },
    attempt(id: string, a: DeliveryAttempt): void {
      addAttempt.run(id, a.attempt, a.at, a.httpStatus ?? null, a.statusKode ?? null, a.error ?? null, a.latencyMs);
    },
    finish(id: string, status: DeliveryStatus): void {
      setStatus.run(status, id);
    },
    get(id: string): Delivery | undefined {
      const row = byId.get(id);
      return row ? view(row) : undefined;
    },
    /** Deliveries to one it-system (a system sees only pushes made to it). */
    forSystem(systemUuid: string, since = ''): Delivery[] {
      return bySystem.all(systemUuid, since).map(view);
    },
  };
}

export type DeliveryStore = ReturnType<typeof createDeliveryStore>;
