/**
 * Sends the deliveries that are due: claims a batch (a lease, so another instance does not send
 * them too, and takes them over if this one dies), makes one attempt each, and records the
 * attempt with what happens next (delivered, tried again after the back-off, or failed after the
 * last attempt). Everything it needs to go on after a restart is in the store; the clock is
 * passed in, so tests move time instead of waiting for it.
 */
import type { DueDelivery, NotifyStore } from './notify-store.ts';
import { retryDelayMs, type RetryPolicy } from './retry-policy.ts';
import type { SendOutcome } from './send-webhook.ts';

export type Sender = (due: DueDelivery, now: Date) => Promise<SendOutcome>;

export interface DispatcherOptions {
  store: NotifyStore;
  clock: () => Date;
  retry: RetryPolicy;
  webhook: Sender;
  /** Undefined when the server has no SMTP server (`--smtp`): e-mail deliveries wait and are retried. */
  email?: Sender;
  /** How long a claimed delivery is this instance's before another may take it (default 2 min). */
  leaseMs?: number;
  /** Deliveries sent at once (default 20). */
  batch?: number;
}

const noSmtp: Sender = async () => ({
  ok: false,
  error: 'the server has no SMTP server configured: start it with --smtp smtp://host:port',
});

/** Sends what is due now; returns how many attempts it made. */
export async function deliverDue(options: DispatcherOptions): Promise<number> {
  const { store, clock, retry } = options;
  const due = await store.claimDue(clock(), options.leaseMs ?? 120_000, options.batch ?? 20);
  await Promise.all(
    due.map(async (item) => {
      const sender = item.subscription.channel === 'email' ? (options.email ?? noSmtp) : options.webhook;
      const started = performance.now();
      const at = clock();
      const outcome = await sender(item, at).catch((error: unknown): SendOutcome => ({
        ok: false,
        error: (error as Error).message,
      }));
      const attempt = item.delivery.attempts + 1;
      const wait = outcome.ok || outcome.permanent ? undefined : retryDelayMs(attempt, retry);
      await store.finishAttempt(item.delivery.id, {
        attempt: {
          attempt,
          at: at.toISOString(),
          ok: outcome.ok,
          durationMs: Math.round(performance.now() - started),
          ...(outcome.status !== undefined ? { status: outcome.status } : {}),
          ...(outcome.error ? { error: outcome.error } : {}),
        },
        next: outcome.ok
          ? { state: 'delivered' }
          : wait === undefined
            ? { state: 'failed' }
            : { state: 'pending', nextAttemptAt: new Date(at.getTime() + wait).toISOString() },
      });
    }),
  );
  return due.length;
}
