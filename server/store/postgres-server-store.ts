/**
 * The server's store on PostgreSQL (`klarmeld server --database postgres://…`): the same
 * ServerStore as on SQLite, for one or many server instances sharing one database. Opening it
 * brings the schema up to date (postgres-migrate.ts), so a new klarmeld upgrades a running
 * installation on its first start.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ServerStore } from './server-store.ts';
import { migrate } from './postgres-migrate.ts';
import { asSqliteRow } from './postgres-rows.ts';
import { postgresProgramme } from './postgres-programme.ts';
import { postgresSheet } from './postgres-sheet.ts';
import { PostgresStoreError } from './postgres-store-error.ts';
import { toDecision, toHistory, toIdentity, toLease, toRun, toSystem } from './sqlite-rows.ts';

export interface PostgresStoreOptions {
  clock?: () => Date;
  /** Connections this instance keeps at most; default 10. */
  maxConnections?: number;
}

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(a URL that does not parse)';
  }
}

/** Connects to the database at `url`, migrates it, and returns the store. */
export async function openPostgresServerStore(url: string, options: PostgresStoreOptions = {}): Promise<ServerStore> {
  const clock = options.clock ?? (() => new Date());
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // An idle connection the database drops (restart, failover) emits 'error' on the pool; without
  // a listener that would end the server. The pool replaces it on the next query.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw new PostgresStoreError(
      'database-unreachable',
      `Could not reach PostgreSQL at ${redactedUrl(url)}: ${(error as Error).message}. Check that it runs and that the URL's host, port, database, user and password are right.`,
      { cause: error },
    );
  }
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const now = () => clock().toISOString();
  const one = async (sql: string, args: unknown[]) => {
    const row = (await pool.query(sql, args)).rows[0] as Record<string, unknown> | undefined;
    return row ? asSqliteRow(row) : undefined;
  };
  const all = async (sql: string, args: unknown[] = []) => (await pool.query(sql, args)).rows.map(asSqliteRow);

  return {
    async addIdentity(identity, tokenHash) {
      return toIdentity(
        (await one(
          'INSERT INTO server_identities (id, token_hash, role, name, cvr, municipality_code, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *',
          [
            randomUUID(),
            tokenHash,
            identity.role,
            identity.name,
            identity.cvr ?? null,
            identity.municipalityCode ?? null,
            now(),
            identity.createdBy,
          ],
        ))!,
      );
    },
    async identityByTokenHash(tokenHash) {
      const row = await one('SELECT * FROM server_identities WHERE token_hash = $1', [tokenHash]);
      return row ? toIdentity(row) : undefined;
    },
    async identities() {
      return (await all('SELECT * FROM server_identities ORDER BY created_at, id')).map(toIdentity);
    },
    async addFirstAdmin(name, tokenHash) {
      // The partial unique index of migration 006: of instances inserting at once, one row stays.
      const row = await one(
        "INSERT INTO server_identities (id, token_hash, role, name, created_at, created_by) VALUES ($1, $2, 'kombit', $3, $4, '') ON CONFLICT DO NOTHING RETURNING *",
        [randomUUID(), tokenHash, name, now()],
      );
      if (row) return { identity: toIdentity(row), added: true };
      return {
        identity: toIdentity((await one("SELECT * FROM server_identities WHERE created_by = ''", []))!),
        added: false,
      };
    },

    async registerSystem(system) {
      // ON CONFLICT makes two instances registering the same system at once keep the first.
      const inserted = await one(
        'INSERT INTO server_systems (system_id, supplier_cvr, user_system_uuid, callback_url, registered_at, registered_by) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (system_id) DO NOTHING RETURNING *',
        [
          system.systemId,
          system.supplierCvr,
          system.userSystemUuid,
          system.callbackUrl ?? null,
          now(),
          system.registeredBy,
        ],
      );
      if (inserted) return { system: toSystem(inserted), added: true };
      return {
        system: toSystem((await one('SELECT * FROM server_systems WHERE system_id = $1', [system.systemId]))!),
        added: false,
      };
    },
    async system(systemId) {
      const row = await one('SELECT * FROM server_systems WHERE system_id = $1', [systemId]);
      return row ? toSystem(row) : undefined;
    },
    async systems(supplierCvr) {
      return (
        await all('SELECT * FROM server_systems WHERE $1::text IS NULL OR supplier_cvr = $1 ORDER BY system_id', [
          supplierCvr ?? null,
        ])
      ).map(toSystem);
    },

    async openRun(run) {
      return toRun(
        (await one(
          "INSERT INTO server_runs (id, system_id, supplier_cvr, state, opened_at, opened_by) VALUES ($1, $2, $3, 'open', $4, $5) RETURNING *",
          [run.id, run.systemId, run.supplierCvr, now(), run.openedBy],
        ))!,
      );
    },
    async endRun(id, end) {
      const row =
        end.state === 'finished'
          ? await one(
              "UPDATE server_runs SET state = 'finished', finished_at = $1, document = $2, exit_code = $3 WHERE id = $4 AND state = 'open' RETURNING *",
              [now(), end.document, end.exitCode, id],
            )
          : await one(
              "UPDATE server_runs SET state = 'failed', finished_at = $1, problem = $2 WHERE id = $3 AND state = 'open' RETURNING *",
              [now(), end.problem, id],
            );
      return row ? toRun(row) : undefined;
    },
    async run(id) {
      const row = await one('SELECT * FROM server_runs WHERE id = $1', [id]);
      return row ? toRun(row) : undefined;
    },
    async runs(supplierCvr) {
      const columns = 'id, system_id, supplier_cvr, state, opened_at, opened_by, finished_at, exit_code, problem';
      return (
        await all(
          `SELECT ${columns} FROM server_runs WHERE $1::text IS NULL OR supplier_cvr = $1 ORDER BY opened_at DESC, id`,
          [supplierCvr ?? null],
        )
      ).map(toRun);
    },

    async claimRunLease(lease) {
      // ON CONFLICT on system_id: of two instances opening a run of one system at once, one wins.
      // A lease released between the two statements frees the system: then try once more.
      for (let attempt = 1; ; attempt += 1) {
        const held = await one(
          'INSERT INTO server_run_leases (run_id, system_id, owner, owner_url, expires_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (system_id) DO NOTHING RETURNING run_id',
          [lease.runId, lease.systemId, lease.owner, lease.ownerUrl, lease.expiresAt],
        );
        if (held) return { claimed: true };
        const other = await one('SELECT * FROM server_run_leases WHERE system_id = $1', [lease.systemId]);
        if (other) return { heldBy: toLease(other) };
        if (attempt === 3)
          throw new Error(
            `Runs of ${lease.systemId} start and end faster than a lease can be taken (three tries); try again.`,
          );
      }
    },
    async renewRunLeases(owner, expiresAt) {
      return (
        (await pool.query('UPDATE server_run_leases SET expires_at = $1 WHERE owner = $2', [expiresAt, owner]))
          .rowCount ?? 0
      );
    },
    async releaseRunLease(runId) {
      await pool.query('DELETE FROM server_run_leases WHERE run_id = $1', [runId]);
    },
    async runLeases(filter = {}) {
      return (
        await all(
          'SELECT * FROM server_run_leases WHERE $1::timestamptz IS NULL OR expires_at < $1 ORDER BY expires_at, run_id',
          [filter.expiredBefore ?? null],
        )
      ).map(toLease);
    },

    async decideAgreement(decision) {
      return toDecision(
        (await one(
          'INSERT INTO server_agreement_decisions (system_id, integration, municipality_cvr, decision, reason, actor, at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *',
          [
            decision.systemId,
            decision.integration,
            decision.municipalityCvr,
            decision.decision,
            decision.reason ?? null,
            decision.actor,
            now(),
          ],
        ))!,
      );
    },
    async agreementDecisions(filter = {}) {
      return (
        await all(
          'SELECT * FROM server_agreement_decisions WHERE ($1::text IS NULL OR municipality_cvr = $1) AND ($2::text[] IS NULL OR system_id = ANY ($2)) ORDER BY seq',
          [filter.municipalityCvr ?? null, filter.systemIds ?? null],
        )
      ).map(toDecision);
    },

    ...postgresSheet(pool, clock),
    ...postgresProgramme(pool, clock),

    async sharedSecret(name) {
      // ON CONFLICT: instances asking at once all get the first one's secret.
      await pool.query(
        'INSERT INTO server_shared_secrets (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING',
        [name, randomBytes(32), now()],
      );
      return (await pool.query('SELECT value FROM server_shared_secrets WHERE name = $1', [name])).rows[0]
        .value as Buffer;
    },

    async appendHistory(entry) {
      return toHistory(
        (await one(
          'INSERT INTO server_history (at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5) RETURNING *',
          [now(), entry.actor, entry.action, entry.subject, entry.detail ? JSON.stringify(entry.detail) : null],
        ))!,
      );
    },
    async history(subject) {
      return (
        await all('SELECT * FROM server_history WHERE $1::text IS NULL OR subject = $1 ORDER BY seq', [subject ?? null])
      ).map(toHistory);
    },

    async close() {
      await pool.end();
    },
  };
}
