/**
 * What notifications keep, behind one async interface with a SQLite and a PostgreSQL
 * implementation (as ServerStore has): subscriptions, events (each recorded once by its key),
 * deliveries with their attempts (the delivery log), and the watchers' cursors. It lives in the
 * same database as the server's store, on a connection of its own.
 */
import type { Role } from '../store/server-store.ts';

/** The events a subscription may ask for. */
export const notifyEventTypes = [
  'status.changed',
  'agreement.waiting',
  'status.stale',
  'certificate.expiring',
] as const;
export type NotifyEventType = (typeof notifyEventTypes)[number];

export type Channel = 'webhook' | 'email';

export interface Subscription {
  id: string;
  /** Whose rights limit what the subscription hears (a snapshot of the identity that made it). */
  owner: { id: string; role: Role; name: string; cvr?: string; municipalityCode?: string };
  channel: Channel;
  /** The webhook's URL or the e-mail address. */
  target: string;
  events: NotifyEventType[];
  /** Only events of these catalogue systems, when given. */
  systems?: string[];
  /** The webhook's signing secret (`whsec_…`); shown to the owner once, kept to sign. */
  secret?: string;
  createdAt: string;
  cancelledAt?: string;
}

export type NewSubscription = Omit<Subscription, 'createdAt' | 'cancelledAt'>;

/** Something worth telling, found once: `key` is deterministic, so finding it again records nothing. */
export interface NotifyEvent {
  key: string;
  type: NotifyEventType;
  system?: string;
  at: string;
  /** The webhook body's `data` and what the e-mail is written from. */
  payload: Record<string, unknown>;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'cancelled';

export interface Attempt {
  attempt: number;
  at: string;
  ok: boolean;
  /** The HTTP status, or the SMTP reply code. */
  status?: number;
  error?: string;
  durationMs: number;
}

export interface Delivery {
  id: string;
  eventKey: string;
  subscriptionId: string;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  finishedAt?: string;
  lastError?: string;
}

/** A delivery claimed for sending, with what it sends and to whom. */
export interface DueDelivery {
  delivery: Delivery;
  event: NotifyEvent;
  subscription: Subscription;
}

/** What one attempt came to, and what happens next. */
export interface AttemptResult {
  attempt: Attempt;
  next: { state: 'delivered' } | { state: 'failed' } | { state: 'pending'; nextAttemptAt: string };
}

/** A status event of the sheet as the watcher reads it. */
export interface SheetChange {
  seq: number;
  system: string;
  integration: string;
  status: string;
  word?: string;
  reason?: string;
  actor: string;
  at: string;
  source: string;
  runId?: string;
}

export interface NotifyStore {
  addSubscription(subscription: NewSubscription): Promise<Subscription>;
  subscription(id: string): Promise<Subscription | undefined>;
  /** Every subscription (of this owner when given), oldest first, cancelled ones too. */
  subscriptions(ownerId?: string): Promise<Subscription[]>;
  /** Cancels it and its pending deliveries; undefined when there is none or it was cancelled. */
  cancelSubscription(id: string): Promise<Subscription | undefined>;

  /** Records the event and a pending delivery to each subscription, unless the event's key is known (then false, nothing written). */
  recordEvent(event: NotifyEvent, subscriptionIds: string[]): Promise<boolean>;
  /** The event with this key, if any. */
  event(key: string): Promise<NotifyEvent | undefined>;
  /** Claims up to `limit` pending deliveries due at `now` whose lease is free, leasing them until now + leaseMs. */
  claimDue(now: Date, leaseMs: number, limit: number): Promise<DueDelivery[]>;
  /** Records an attempt of a claimed delivery and its next state; frees the lease. */
  finishAttempt(deliveryId: string, result: AttemptResult): Promise<void>;
  /** The delivery log: deliveries (of these subscriptions when given), newest first, with their attempts. */
  deliveries(subscriptionIds?: string[]): Promise<(Delivery & { type: string; attemptLog: Attempt[] })[]>;

  /** Deletes deliveries finished before `before` with their attempts, and events older than it with no delivery left; returns how many deliveries went. */
  prune(before: Date): Promise<number>;

  cursor(name: string): Promise<string | undefined>;
  setCursor(name: string, value: string): Promise<void>;
  /** The sheet's status events after `seq`, oldest first, at most `limit`. */
  sheetChangesAfter(seq: number, limit: number): Promise<SheetChange[]>;
  /** The sheet's latest event of this pair before `seq`, if any. */
  sheetChangeBefore(system: string, integration: string, seq: number): Promise<SheetChange | undefined>;
  /** The sheet's newest event seq (0 when empty). */
  lastSheetSeq(): Promise<number>;

  close(): Promise<void>;
}
