/**
 * The server's store on SQLite (node:sqlite): the server's tables live in the onboarding sheet's
 * own file, so the sheet is the same SheetStore `klarmeld sheet` reads and writes.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  appendContestEvent,
  appendProgrammeEvent,
  contestEvents,
  programmeEvents,
  SheetStore,
} from '../../conformance/onboarding/index.ts';
import type { Identity, ServerStore } from './server-store.ts';
import { serverSchemaSql } from './sqlite-schema.ts';
import { toDecision, toHistory, toIdentity, toLease, toRun, toSystem, type Row } from './sqlite-rows.ts';

/** Opens (creating when missing) the server's store in the SQLite file at `path`. */
export function openSqliteServerStore(path: string, options: { clock?: () => Date } = {}): ServerStore {
  const clock = options.clock ?? (() => new Date());
  const sheet = SheetStore.open(path, { clock });
  const db = sheet.database;
  db.exec(serverSchemaSql);
  const now = () => clock().toISOString();
  const one = (sql: string, ...args: (string | number | null)[]) => db.prepare(sql).get(...args) as Row | undefined;
  const all = (sql: string, ...args: (string | number | null)[]) => db.prepare(sql).all(...args) as unknown as Row[];

  return {
    async addIdentity(identity, tokenHash): Promise<Identity> {
      return toIdentity(
        one(
          'INSERT INTO server_identities (id, token_hash, role, name, cvr, municipality_code, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *',
          randomUUID(),
          tokenHash,
          identity.role,
          identity.name,
          identity.cvr ?? null,
          identity.municipalityCode ?? null,
          now(),
          identity.createdBy,
        )!,
      );
    },
    async identityByTokenHash(tokenHash) {
      const row = one('SELECT * FROM server_identities WHERE token_hash = ?', tokenHash);
      return row ? toIdentity(row) : undefined;
    },
    async identities() {
      return all('SELECT * FROM server_identities ORDER BY created_at, id').map(toIdentity);
    },
    async addFirstAdmin(name, tokenHash) {
      const row = one(
        "INSERT INTO server_identities (id, token_hash, role, name, created_at, created_by) VALUES (?, ?, 'kombit', ?, ?, '') ON CONFLICT DO NOTHING RETURNING *",
        randomUUID(),
        tokenHash,
        name,
        now(),
      );
      if (row) return { identity: toIdentity(row), added: true };
      return { identity: toIdentity(one("SELECT * FROM server_identities WHERE created_by = ''")!), added: false };
    },

    async registerSystem(system) {
      return sheet.atomically(() => {
        const earlier = one('SELECT * FROM server_systems WHERE system_id = ?', system.systemId);
        if (earlier) return { system: toSystem(earlier), added: false };
        const row = one(
          'INSERT INTO server_systems (system_id, supplier_cvr, user_system_uuid, callback_url, registered_at, registered_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
          system.systemId,
          system.supplierCvr,
          system.userSystemUuid,
          system.callbackUrl ?? null,
          now(),
          system.registeredBy,
        )!;
        return { system: toSystem(row), added: true };
      });
    },
    async system(systemId) {
      const row = one('SELECT * FROM server_systems WHERE system_id = ?', systemId);
      return row ? toSystem(row) : undefined;
    },
    async systems(supplierCvr) {
      return (
        supplierCvr === undefined
          ? all('SELECT * FROM server_systems ORDER BY system_id')
          : all('SELECT * FROM server_systems WHERE supplier_cvr = ? ORDER BY system_id', supplierCvr)
      ).map(toSystem);
    },

    async openRun(run) {
      return toRun(
        one(
          "INSERT INTO server_runs (id, system_id, supplier_cvr, state, opened_at, opened_by) VALUES (?, ?, ?, 'open', ?, ?) RETURNING *",
          run.id,
          run.systemId,
          run.supplierCvr,
          now(),
          run.openedBy,
        )!,
      );
    },
    async endRun(id, end) {
      const row =
        end.state === 'finished'
          ? one(
              "UPDATE server_runs SET state = 'finished', finished_at = ?, document = ?, exit_code = ? WHERE id = ? AND state = 'open' RETURNING *",
              now(),
              end.document,
              end.exitCode,
              id,
            )
          : one(
              "UPDATE server_runs SET state = 'failed', finished_at = ?, problem = ? WHERE id = ? AND state = 'open' RETURNING *",
              now(),
              end.problem,
              id,
            );
      return row ? toRun(row) : undefined;
    },
    async run(id) {
      const row = one('SELECT * FROM server_runs WHERE id = ?', id);
      return row ? toRun(row) : undefined;
    },
    async runs(supplierCvr) {
      const columns = 'id, system_id, supplier_cvr, state, opened_at, opened_by, finished_at, exit_code, problem';
      return (
        supplierCvr === undefined
          ? all(`SELECT ${columns} FROM server_runs ORDER BY opened_at DESC, id`)
          : all(`SELECT ${columns} FROM server_runs WHERE supplier_cvr = ? ORDER BY opened_at DESC, id`, supplierCvr)
      ).map(toRun);
    },

    async claimRunLease(lease) {
      const held = one(
        'INSERT INTO server_run_leases (run_id, system_id, owner, owner_url, expires_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (system_id) DO NOTHING RETURNING run_id',
        lease.runId,
        lease.systemId,
        lease.owner,
        lease.ownerUrl,
        lease.expiresAt,
      );
      if (held) return { claimed: true };
      return { heldBy: toLease(one('SELECT * FROM server_run_leases WHERE system_id = ?', lease.systemId)!) };
    },
    async renewRunLeases(owner, expiresAt) {
      return Number(
        db.prepare('UPDATE server_run_leases SET expires_at = ? WHERE owner = ?').run(expiresAt, owner).changes,
      );
    },
    async releaseRunLease(runId) {
      db.prepare('DELETE FROM server_run_leases WHERE run_id = ?').run(runId);
    },
    async runLeases(filter = {}) {
      return all(
        'SELECT * FROM server_run_leases WHERE ? IS NULL OR expires_at < ? ORDER BY expires_at, run_id',
        filter.expiredBefore ?? null,
        filter.expiredBefore ?? null,
      ).map(toLease);
    },

    async decideAgreement(decision) {
      return toDecision(
        one(
          'INSERT INTO server_agreement_decisions (system_id, integration, municipality_cvr, decision, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *',
          decision.systemId,
          decision.integration,
          decision.municipalityCvr,
          decision.decision,
          decision.reason ?? null,
          decision.actor,
          now(),
        )!,
      );
    },
    async agreementDecisions(filter = {}) {
      return all('SELECT * FROM server_agreement_decisions ORDER BY seq')
        .map(toDecision)
        .filter(
          (d) =>
            (filter.municipalityCvr === undefined || d.municipalityCvr === filter.municipalityCvr) &&
            (!filter.systemIds || filter.systemIds.includes(d.systemId)),
        );
    },

    async appendRunEvents(runId, events) {
      return sheet.appendRun(runId, events);
    },
    async appendStatusEvent(event) {
      return sheet.append([event])[0]!;
    },
    async currentStatuses() {
      return sheet.current();
    },
    async sheetHistory(systemId) {
      return sheet.history(systemId);
    },
    async trustPlatformKey(key) {
      return sheet.trustPlatformKey(key);
    },
    async trustedPlatformKeys() {
      return sheet.trustedPlatformKeys();
    },
    async appendProgrammeEvent(event) {
      return appendProgrammeEvent(sheet, event, clock());
    },
    async programmeEvents() {
      return programmeEvents(sheet);
    },
    async appendContestEvent(event) {
      return appendContestEvent(sheet, event, clock());
    },
    async contestEvents() {
      return contestEvents(sheet);
    },

    async sharedSecret(name) {
      db.prepare('INSERT OR IGNORE INTO server_shared_secrets (name, value, created_at) VALUES (?, ?, ?)').run(
        name,
        randomBytes(32),
        now(),
      );
      return Buffer.from(
        one('SELECT value FROM server_shared_secrets WHERE name = ?', name)!.value as unknown as Uint8Array,
      );
    },

    async appendHistory(entry) {
      return toHistory(
        one(
          'INSERT INTO server_history (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?) RETURNING *',
          now(),
          entry.actor,
          entry.action,
          entry.subject,
          entry.detail ? JSON.stringify(entry.detail) : null,
        )!,
      );
    },
    async history(subject) {
      return (
        subject === undefined
          ? all('SELECT * FROM server_history ORDER BY seq')
          : all('SELECT * FROM server_history WHERE subject = ? ORDER BY seq', subject)
      ).map(toHistory);
    },

    async close() {
      sheet.close();
    },
  };
}
