/**
 * Notifications in a running server: the notify store in the server's database, the API's
 * subscription routes, and the Notifier checking on a timer. What startServer calls, so that its
 * own file only names it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalog } from '../../catalog/index.ts';
import type { RunningPlatform } from '../../conformance/platform/index.ts';
import { suitesFor } from '../../conformance/suites/index.ts';
import type { ApiRoute } from '../api/json-api.ts';
import type { ServerStore } from '../store/server-store.ts';
import { Notifier } from './notifier.ts';
import { notifyRoutes } from './notify-routes.ts';
import { openNotifyStore } from './open-notify-store.ts';
import type { RetryPolicy } from './retry-policy.ts';
import { parseSmtpUrl } from './smtp-client.ts';

/** What `klarmeld server` takes for notifications. */
export interface NotifyOptions {
  /** `smtp://host:port` or `smtps://user:password@host`: e-mail goes through it; without it e-mail deliveries wait. */
  smtp?: string;
  /** The e-mails' sender address. */
  from?: string;
  /** Warn of a system certificate this many days before it expires (default 30). */
  certificateWarningDays?: number;
  /** Time between checks (default 2 s). */
  intervalMs?: number;
  /** When failed deliveries are tried again (default: 10 s doubling to an hour, 12 attempts). */
  retry?: RetryPolicy;
}

export async function startNotifications(deps: {
  database: string | undefined;
  sqliteFile: string;
  store: ServerStore;
  catalog: Catalog;
  platform: RunningPlatform;
  options?: NotifyOptions;
}): Promise<{ routes: ApiRoute[]; stop(): Promise<void> }> {
  const options = deps.options ?? {};
  // A wrong --smtp stops the start with what to write, before anything listens.
  const smtp = options.smtp ? parseSmtpUrl(options.smtp) : undefined;
  const store = await openNotifyStore(deps.database, deps.sqliteFile);
  const notifier = new Notifier({
    store,
    server: deps.store,
    catalog: deps.catalog,
    suiteVersions: Object.fromEntries(
      Object.entries(suitesFor(deps.catalog)).map(([id, suite]) => [id, suite.version]),
    ),
    // Where PlatformPkiStore keeps a system's certificate (as system-on-platform.ts reads it).
    certificateOf: (uuid) =>
      readFile(join(deps.platform.dataDir, 'systems', uuid, 'system.crt'), 'utf8').catch(() => undefined),
    ...(smtp ? { smtp } : {}),
    ...(options.from ? { from: options.from } : {}),
    ...(options.certificateWarningDays !== undefined ? { certificateWarningDays: options.certificateWarningDays } : {}),
    ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  try {
    // Before the server answers: marks where the sheet is, so every change made through it is announced (sends nothing: a dead receiver must not hold up the start).
    await notifier.prime();
  } catch (error) {
    await store.close();
    throw error;
  }
  notifier.start();
  return {
    routes: notifyRoutes(store, deps.store, deps.catalog, () => notifier.health()),
    async stop() {
      await notifier.stop();
      await store.close();
    },
  };
}
