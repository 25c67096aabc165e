import { randomUUID, type X509Certificate } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { fingerprintOf } from './fingerprint.ts';
import { createRegistrySchema } from './registry-schema.ts';
import type {
  AgreementQuery,
  CallbackEndpoint,
  ItSystem,
  NewAgreement,
  NewSystem,
  Registry,
  ServiceAgreement,
  SystemCertificate,
} from './registry-types.ts';

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v));

const toSystem = (r: Row): ItSystem => ({
  uuid: String(r.uuid),
  name: String(r.name),
  supplierCvr: String(r.supplier_cvr),
  createdAt: String(r.created_at),
});
const toAgreement = (r: Row): ServiceAgreement => ({
  uuid: String(r.uuid),
  systemUuid: String(r.system_uuid),
  integration: String(r.integration),
  service: String(r.service),
  serviceUuid: str(r.service_uuid),
  entityId: str(r.entity_id),
  municipalityCvr: String(r.municipality_cvr),
  status: r.status === 'approved' ? 'approved' : 'pending',
  createdAt: String(r.created_at),
  approvedAt: str(r.approved_at),
});
const toCertificate = (r: Row): SystemCertificate => ({
  fingerprint: String(r.fingerprint),
  systemUuid: String(r.system_uuid),
  subject: String(r.subject),
  serialNumber: String(r.serial_number),
  certPem: String(r.cert_pem),
  revoked: Number(r.revoked) === 1,
  revokedAt: str(r.revoked_at),
});

/** How long an agreement read is reused on the hot path. Writes through this instance clear it at once. */
const agreementTtlMs = 200;

/**
 * The registry in SQLite. Reads go to the database (prepared statements), except agreement reads,
 * which every context-model call makes and which are reused for at most 200 ms; writes through
 * this instance clear them at once. So an approval or revocation made by `klarmeld platform …` in
 * another process takes effect in a running server within 200 ms (certificates: at once for new
 * connections, within a second for open ones).
 */
export class SqliteRegistry implements Registry {
  private readonly db: DatabaseSync;
  private readonly clock: () => Date;
  private readonly q: Record<string, StatementSync>;
  private readonly agreementCache = new Map<string, { at: number; value: ServiceAgreement | undefined }>();

  constructor(db: DatabaseSync, clock: () => Date = () => new Date()) {
    this.db = db;
    this.clock = clock;
    createRegistrySchema(db);
    const p = (sql: string) => db.prepare(sql);
    this.q = {
      systemByFp: p(
        'SELECT s.* FROM certificates c JOIN it_systems s ON s.uuid = c.system_uuid WHERE c.fingerprint = ? AND c.revoked = 0',
      ),
      revoked: p('SELECT revoked FROM certificates WHERE fingerprint = ?'),
      systemByUuidOrName: p('SELECT * FROM it_systems WHERE uuid = ? OR name = ?'),
      systems: p('SELECT * FROM it_systems ORDER BY created_at, name'),
      certsOf: p('SELECT * FROM certificates WHERE system_uuid = ?'),
      agreement: p('SELECT * FROM service_agreements WHERE uuid = ?'),
      agreementsOf: p('SELECT * FROM service_agreements WHERE system_uuid = ? ORDER BY created_at'),
      approved:
        p(`SELECT * FROM service_agreements WHERE system_uuid = ? AND municipality_cvr = ? AND status = 'approved'
        AND (service_uuid = ? OR entity_id = ? OR (? IS NOT NULL AND integration = ?)) LIMIT 1`),
      callbacks: p('SELECT * FROM callback_endpoints WHERE system_uuid = ?'),
      revokedList: p('SELECT serial_number, revoked_at FROM certificates WHERE revoked = 1 ORDER BY revoked_at'),
      revokedCount: p('SELECT count(*) AS n FROM certificates WHERE revoked = 1'),
      insertSystem: p('INSERT INTO it_systems (uuid, name, supplier_cvr, created_at) VALUES (?, ?, ?, ?)'),
      insertCert: p(
        'INSERT INTO certificates (fingerprint, system_uuid, subject, serial_number, cert_pem) VALUES (?, ?, ?, ?, ?)',
      ),
      revoke: p('UPDATE certificates SET revoked = 1, revoked_at = ? WHERE system_uuid = ? AND revoked = 0'),
      insertAgreement:
        p(`INSERT INTO service_agreements (uuid, system_uuid, integration, service, service_uuid, entity_id, municipality_cvr, status, created_at, approved_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      approve: p(
        `UPDATE service_agreements SET status = 'approved', approved_at = ? WHERE uuid = ? AND status = 'pending'`,
      ),
      insertCallback: p('INSERT OR REPLACE INTO callback_endpoints (system_uuid, url, integration) VALUES (?, ?, ?)'),
    };
  }

  systemByCertificate(certificate: X509Certificate): ItSystem | undefined {
    return this.systemByFingerprint(fingerprintOf(certificate));
  }

  systemByFingerprint(fingerprint: string): ItSystem | undefined {
    const row = this.q.systemByFp!.get(fingerprint) as Row | undefined;
    return row ? toSystem(row) : undefined;
  }

  isRevoked(fingerprint: string): boolean {
    const row = this.q.revoked!.get(fingerprint) as Row | undefined;
    return row !== undefined && Number(row.revoked) === 1;
  }

  findSystem(uuidOrName: string): ItSystem | undefined {
    const row = this.q.systemByUuidOrName!.get(uuidOrName.toLowerCase(), uuidOrName) as Row | undefined;
    return row ? toSystem(row) : undefined;
  }

  listSystems(): ItSystem[] {
    return (this.q.systems!.all() as Row[]).map(toSystem);
  }

  certificatesOf(systemUuid: string): SystemCertificate[] {
    return (this.q.certsOf!.all(systemUuid) as Row[]).map(toCertificate);
  }

  agreement(uuid: string): ServiceAgreement | undefined {
    const now = Date.now();
    const hit = this.agreementCache.get(uuid);
    if (hit && now - hit.at < agreementTtlMs) return hit.value;
    const row = this.q.agreement!.get(uuid) as Row | undefined;
    const value = row ? toAgreement(row) : undefined;
    if (this.agreementCache.size > 10_000) this.agreementCache.clear();
    this.agreementCache.set(uuid, { at: now, value });
    return value;
  }

  agreementsOf(systemUuid: string): ServiceAgreement[] {
    return (this.q.agreementsOf!.all(systemUuid) as Row[]).map(toAgreement);
  }

  approvedAgreement(query: AgreementQuery): ServiceAgreement | undefined {
    const integration = query.integration ?? null;
    const row = this.q.approved!.get(
      query.systemUuid,
      query.municipalityCvr,
      query.serviceUuid ?? null,
      query.entityId ?? null,
      integration,
      integration,
    ) as Row | undefined;
    return row ? toAgreement(row) : undefined;
  }

  /** Serial numbers of every revoked certificate (for the CRL the TLS server checks). */
  revokedCertificates(): { serialNumber: string; revokedAt?: string }[] {
    return (this.q.revokedList!.all() as Row[]).map((r) => ({
      serialNumber: String(r.serial_number),
      revokedAt: str(r.revoked_at),
    }));
  }

  revokedCount(): number {
    return Number((this.q.revokedCount!.get() as Row).n);
  }

  callbackEndpoints(systemUuid: string): CallbackEndpoint[] {
    return (this.q.callbacks!.all(systemUuid) as Row[]).map((r) => ({
      systemUuid: String(r.system_uuid),
      url: String(r.url),
      integration: str(r.integration),
    }));
  }

  addSystem(system: NewSystem): ItSystem {
    const created: ItSystem = {
      uuid: (system.uuid ?? randomUUID()).toLowerCase(),
      name: system.name,
      supplierCvr: system.supplierCvr,
      createdAt: this.clock().toISOString(),
    };
    this.q.insertSystem!.run(created.uuid, created.name, created.supplierCvr, created.createdAt);
    return created;
  }

  addCertificate(c: Omit<SystemCertificate, 'revoked' | 'revokedAt'>): void {
    this.q.insertCert!.run(c.fingerprint, c.systemUuid, c.subject, c.serialNumber, c.certPem);
  }

  revokeSystem(systemUuid: string): number {
    return Number(this.q.revoke!.run(this.clock().toISOString(), systemUuid).changes);
  }

  addAgreement(a: NewAgreement): ServiceAgreement {
    const now = this.clock().toISOString();
    const uuid = (a.uuid ?? randomUUID()).toLowerCase();
    this.agreementCache.clear();
    this.q.insertAgreement!.run(
      uuid,
      a.systemUuid,
      a.integration,
      a.service,
      a.serviceUuid ?? null,
      a.entityId ?? null,
      a.municipalityCvr,
      a.status,
      now,
      a.status === 'approved' ? now : null,
    );
    return this.agreement(uuid)!;
  }

  approveAgreement(uuid: string): ServiceAgreement | undefined {
    this.agreementCache.clear();
    this.q.approve!.run(this.clock().toISOString(), uuid.toLowerCase());
    return this.agreement(uuid.toLowerCase());
  }

  /** Removes an agreement (a municipality withdrew its approval): calls under it are refused again. */
  removeAgreement(uuid: string): boolean {
    this.agreementCache.clear();
    return Number(this.db.prepare('DELETE FROM service_agreements WHERE uuid = ?').run(uuid.toLowerCase()).changes) > 0;
  }

  addCallbackEndpoint(endpoint: CallbackEndpoint): void {
    this.q.insertCallback!.run(endpoint.systemUuid, endpoint.url, endpoint.integration ?? null);
  }

  /**
   * Makes `endpoint` the system's only callback (for its integration, or for all when it names
   * none): klarmeld server's runs each bring the callback of a system started anew on a free port,
   * and a push to every earlier one would wait out their retries.
   */
  replaceCallbackEndpoint(endpoint: CallbackEndpoint): void {
    this.transaction(() => {
      this.db
        .prepare('DELETE FROM callback_endpoints WHERE system_uuid = ? AND integration IS ?')
        .run(endpoint.systemUuid, endpoint.integration ?? null);
      this.addCallbackEndpoint(endpoint);
    });
  }

  /** Runs `fn` in one transaction (e.g. a system and its certificate together). */
  transaction<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = fn();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }
}
