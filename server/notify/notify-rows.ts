/**
 * Rows of the notification tables as records, for both stores: PostgreSQL rows arrive through
 * asSqliteRow (timestamps as ISO text, jsonb as JSON text), so one set of mappers serves both.
 */
import type { Role } from '../store/server-store.ts';
import type { Row } from '../store/sqlite-rows.ts';
import type {
  Attempt,
  Channel,
  Delivery,
  DeliveryState,
  NotifyEvent,
  NotifyEventType,
  SheetChange,
  Subscription,
} from './notify-store.ts';

const opt = <K extends string>(key: K, value: unknown): Partial<Record<K, string>> =>
  value == null ? {} : ({ [key]: String(value) } as Record<K, string>);

export const toSubscription = (r: Row): Subscription => ({
  id: String(r.id),
  owner: {
    id: String(r.owner_id),
    role: String(r.owner_role) as Role,
    name: String(r.owner_name),
    ...opt('cvr', r.owner_cvr),
    ...opt('municipalityCode', r.owner_municipality_code),
  },
  channel: String(r.channel) as Channel,
  target: String(r.target),
  events: JSON.parse(String(r.events)) as NotifyEventType[],
  ...(r.systems != null ? { systems: JSON.parse(String(r.systems)) as string[] } : {}),
  ...opt('secret', r.secret),
  createdAt: String(r.created_at),
  ...opt('cancelledAt', r.cancelled_at),
});

export const toEvent = (r: Row): NotifyEvent => ({
  key: String(r.key),
  type: String(r.type) as NotifyEventType,
  ...opt('system', r.system_id),
  at: String(r.at),
  payload: JSON.parse(String(r.payload)) as Record<string, unknown>,
});

export const toDelivery = (r: Row): Delivery => ({
  id: String(r.id),
  eventKey: String(r.event_key),
  subscriptionId: String(r.subscription_id),
  state: String(r.state) as DeliveryState,
  attempts: Number(r.attempts),
  nextAttemptAt: String(r.next_attempt_at),
  createdAt: String(r.created_at),
  ...opt('finishedAt', r.finished_at),
  ...opt('lastError', r.last_error),
});

export const toAttempt = (r: Row): Attempt => ({
  attempt: Number(r.attempt),
  at: String(r.at),
  ok: r.ok === 1 || r.ok === '1' || (r.ok as unknown) === true || r.ok === 'true',
  ...(r.status != null ? { status: Number(r.status) } : {}),
  ...opt('error', r.error),
  durationMs: Number(r.duration_ms),
});

export const toSheetChange = (r: Row): SheetChange => {
  const evidence = r.evidence != null ? (JSON.parse(String(r.evidence)) as { runId?: string }) : undefined;
  return {
    seq: Number(r.seq),
    system: String(r.system),
    integration: String(r.integration),
    status: String(r.status),
    ...opt('word', r.word),
    ...opt('reason', r.reason),
    actor: String(r.actor),
    at: String(r.at),
    source: String(r.source),
    ...(evidence?.runId ? { runId: evidence.runId } : {}),
  };
};

/** The columns of a subscription row, in insert order, from a new subscription. */
export const subscriptionValues = (s: Omit<Subscription, 'cancelledAt'>) => [
  s.id,
  s.owner.id,
  s.owner.role,
  s.owner.name,
  s.owner.cvr ?? null,
  s.owner.municipalityCode ?? null,
  s.channel,
  s.target,
  JSON.stringify(s.events),
  s.systems ? JSON.stringify(s.systems) : null,
  s.secret ?? null,
  s.createdAt,
];
