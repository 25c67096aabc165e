/**
 * Notifications for one server instance: on each check it finds new events (status changes and
 * waiting agreements from the sheet at once; stale statuses and expiring certificates on a slow
 * round, hourly by default, since they change with time and catalogue, not with writes), records
 * each once with a delivery to every subscription that hears it, and sends what is due. `start`
 * repeats the check on a timer; tests call `check()` with their own clock instead.
 */
import type { Catalog } from '../../catalog/index.ts';
import type { ServerStore } from '../store/server-store.ts';
import { audience } from './audience.ts';
import { deliverDue } from './dispatcher.ts';
import type { NotifyEvent, NotifyStore } from './notify-store.ts';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.ts';
import { emailSender } from './send-email.ts';
import { sendWebhook } from './send-webhook.ts';
import type { SmtpConfig } from './smtp-client.ts';
import { watchCertificates } from './watch-certificates.ts';
import { watchSheet } from './watch-sheet.ts';
import { StaleWatcher } from './watch-stale.ts';

export interface NotifierOptions {
  store: NotifyStore;
  server: ServerStore;
  catalog: Catalog;
  /** The version of each integration's suite the server judges with (for stale statuses). */
  suiteVersions: Record<string, string>;
  /** The PEM of a registered system's test certificate, by its it-system UUID. */
  certificateOf(userSystemUuid: string): Promise<string | undefined>;
  clock?: () => Date;
  retry?: RetryPolicy;
  smtp?: SmtpConfig;
  /** The sender address of e-mails (default klarmeld@<the SMTP client name>). */
  from?: string;
  /** Warn of a certificate this many days before it expires (default 30). */
  certificateWarningDays?: number;
  webhookTimeoutMs?: number;
  /**
   * Finished deliveries, their attempts and their events are deleted after this many days
   * (default 365). A stale status or an expired certificate still there after that is told again.
   */
  retentionDays?: number;
  /** Time between checks when started (default 2 s). */
  intervalMs?: number;
  /** Time between slow rounds (default 1 h). */
  slowIntervalMs?: number;
}

/** Whether this instance's checks run: when the last one ended, and why it failed if it did. */
export interface NotifierHealth {
  lastCheckAt?: string;
  lastError?: string;
}

export class Notifier {
  private readonly options: NotifierOptions;
  private readonly clock: () => Date;
  private readonly stale: StaleWatcher;
  private lastSlow = -Infinity;
  private readonly seen = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;
  /** The last timed check's failure, if it failed (the timer goes on: a database back again is used again). */
  lastError: Error | undefined;
  private lastCheckAt: Date | undefined;

  constructor(options: NotifierOptions) {
    this.options = options;
    this.clock = options.clock ?? (() => new Date());
    this.stale = new StaleWatcher(options.catalog, options.suiteVersions);
  }

  /**
   * Reads the sheet only (on a new database: marks where it ends), sending nothing: quick, so a
   * server calls it before it answers and every change made through it is announced.
   */
  async prime(): Promise<NotifyEvent[]> {
    const recorded: NotifyEvent[] = [];
    await watchSheet(this.options.store, this.options.server, this.options.catalog, this.recorder(recorded), this.seen);
    return recorded;
  }

  /** Finds and records new events, then sends what is due; returns the events recorded by this call. */
  async check(): Promise<NotifyEvent[]> {
    const { store, server, catalog } = this.options;
    const now = this.clock();
    const recorded: NotifyEvent[] = [];
    const record = this.recorder(recorded);
    await watchSheet(store, server, catalog, record, this.seen);
    if (now.getTime() - this.lastSlow >= (this.options.slowIntervalMs ?? 3_600_000)) {
      await record(await this.stale.check(server, now));
      await record(
        await watchCertificates(server, catalog, {
          now,
          warnDays: this.options.certificateWarningDays ?? 30,
          certificateOf: this.options.certificateOf,
        }),
      );
      await store.prune(new Date(now.getTime() - (this.options.retentionDays ?? 365) * 86_400_000));
      this.lastSlow = now.getTime();
    }
    await this.deliver();
    return recorded;
  }

  /** Records events once each, with a delivery to every subscription that hears them; adds those new to `recorded`. */
  private recorder(recorded: NotifyEvent[]) {
    const { store, catalog } = this.options;
    return async (found: NotifyEvent[]) => {
      if (found.length === 0) return;
      const subscriptions = await store.subscriptions();
      for (const event of found)
        if (await store.recordEvent(event, audience(catalog, subscriptions, event))) recorded.push(event);
    };
  }

  /** Sends the deliveries due now. */
  async deliver(): Promise<number> {
    const { smtp } = this.options;
    return deliverDue({
      store: this.options.store,
      clock: this.clock,
      retry: this.options.retry ?? defaultRetryPolicy,
      webhook: (due, now) => sendWebhook(due, now, this.options.webhookTimeoutMs ?? 10_000),
      ...(smtp ? { email: emailSender(smtp, this.options.from ?? `klarmeld@${smtp.clientName}`) } : {}),
    });
  }

  /** Checks every interval from now on, until `stop` (the caller makes the first check itself). */
  start(): void {
    const next = () => {
      if (!this.stopped) this.timer = setTimeout(loop, this.options.intervalMs ?? 2_000).unref();
    };
    const loop = () => {
      this.running = this.check()
        .then(
          () => (this.lastError = undefined),
          (error: unknown) => (this.lastError = error as Error),
        )
        .finally(() => {
          this.lastCheckAt = this.clock();
          next();
        });
    };
    next();
  }

  health(): NotifierHealth {
    return {
      ...(this.lastCheckAt ? { lastCheckAt: this.lastCheckAt.toISOString() } : {}),
      ...(this.lastError ? { lastError: this.lastError.message } : {}),
    };
  }

  /** Stops the timer and waits for a check in progress (deliveries it claimed are then recorded). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
