/** SQLite rows of the server's tables, and the records they hold (snake_case columns, nulls for absent fields). */
import type {
  AgreementDecision,
  HistoryEntry,
  Identity,
  RegisteredSystem,
  Role,
  RunLease,
  RunState,
  ServerRun,
} from './server-store.ts';

type Row = Record<string, string | number | null>;
const text = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : String(value);
const opt = <K extends string>(key: K, value: unknown): Partial<Record<K, string>> =>
  value == null ? {} : ({ [key]: String(value) } as Record<K, string>);

export const toIdentity = (r: Row): Identity => ({
  id: String(r.id),
  role: String(r.role) as Role,
  name: String(r.name),
  ...opt('cvr', r.cvr),
  ...opt('municipalityCode', r.municipality_code),
  createdAt: String(r.created_at),
  createdBy: String(r.created_by),
});

export const toSystem = (r: Row): RegisteredSystem => ({
  systemId: String(r.system_id),
  supplierCvr: String(r.supplier_cvr),
  userSystemUuid: String(r.user_system_uuid),
  ...opt('callbackUrl', r.callback_url),
  registeredAt: String(r.registered_at),
  registeredBy: String(r.registered_by),
});

export const toRun = (r: Row): ServerRun => ({
  id: String(r.id),
  systemId: String(r.system_id),
  supplierCvr: String(r.supplier_cvr),
  state: String(r.state) as RunState,
  openedAt: String(r.opened_at),
  openedBy: String(r.opened_by),
  ...opt('finishedAt', r.finished_at),
  ...opt('document', r.document),
  ...(r.exit_code != null ? { exitCode: Number(r.exit_code) } : {}),
  ...opt('problem', r.problem),
});

export const toLease = (r: Row): RunLease => ({
  runId: String(r.run_id),
  systemId: String(r.system_id),
  owner: String(r.owner),
  ownerUrl: String(r.owner_url),
  expiresAt: String(r.expires_at),
});

export const toDecision = (r: Row): AgreementDecision => ({
  seq: Number(r.seq),
  systemId: String(r.system_id),
  integration: String(r.integration),
  municipalityCvr: String(r.municipality_cvr),
  decision: String(r.decision) as AgreementDecision['decision'],
  ...opt('reason', r.reason),
  actor: String(r.actor),
  at: String(r.at),
});

export const toHistory = (r: Row): HistoryEntry => ({
  seq: Number(r.seq),
  at: String(r.at),
  actor: String(r.actor),
  action: String(r.action),
  subject: String(r.subject),
  ...(text(r.detail) ? { detail: JSON.parse(String(r.detail)) as Record<string, unknown> } : {}),
});

export type { Row };
