/**
 * `klarmeld server`: KOMBIT's service on one machine. It holds the test platform (the embedded
 * platform's code, signing with the persistent key in its data folder: the key KOMBIT trusts),
 * the judge, the onboarding sheet and the JSON API on a port of its own (HTTP on 127.0.0.1 by
 * default). Everything it keeps goes through one ServerStore.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Catalog } from '../catalog/index.ts';
import { loadCatalog } from '../catalog/index.ts';
import { loadModules, startPlatform } from '../conformance/platform/index.ts';
import { ensureAdmin } from './admin-token.ts';
import { jsonApi } from './api/json-api.ts';
import { serverPaths } from './data-dir.ts';
import { agreementRoutes } from './routes/agreement-routes.ts';
import { identityRoutes } from './routes/identity-routes.ts';
import { keyRoutes } from './routes/key-routes.ts';
import { programmeRoutes } from './routes/programme-routes.ts';
import { reportRoutes } from './routes/report-routes.ts';
import { runRoutes } from './routes/run-routes.ts';
import { sheetRoutes } from './routes/sheet-routes.ts';
import { systemRoutes } from './routes/system-routes.ts';
import { SystemLinks } from './platform/system-links.ts';
import { RunService } from './runs/run-service.ts';
import { loadOrCreateSigningKey } from './signing-key.ts';
import { startNotifications, type NotifyOptions } from './notify/start-notifications.ts';
import { webFront } from './web/web-front.ts';
import { openServerStore } from './store/open-store.ts';
import type { ServerStore } from './store/server-store.ts';

export interface ServerOptions {
  dataDir: string;
  /** Where the API and the platform listen; default 127.0.0.1. */
  host?: string;
  /** The API's port; 0 (default) picks a free one. */
  port?: number;
  /** The platform's port; 0 (default) picks a free one. */
  platformPort?: number;
  /** `postgres://…` or a SQLite file; default the sheet file in the data folder. */
  database?: string;
  catalog?: Catalog;
  /** How long the server waits for the CLI beyond the system's own trigger timeout (default 10 s). */
  relaySlackSeconds?: number;
  /** How long a run stays this instance's without its heartbeat; then any instance ends it as lost (default 30 s). */
  runLeaseSeconds?: number;
  /** Notifications: the SMTP server for e-mail, the sender, the certificate warning (server/notify/). */
  notify?: NotifyOptions;
}

export interface RunningServer {
  /** The JSON API's base URL. */
  url: string;
  /** The test platform's base URL (mutual TLS), which systems call. */
  platformUrl: string;
  dataDir: string;
  /** Where KOMBIT's admin token is, and whether this start wrote it. */
  adminToken: { file: string; created: boolean };
  /** The fingerprint of the key that signs exchanges and judged runs. */
  keyFingerprint: string;
  store: ServerStore;
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const paths = serverPaths(options.dataDir);
  const host = options.host ?? '127.0.0.1';
  const catalog = options.catalog ?? (await loadCatalog()).catalog;
  // The store first: a --database the server cannot use leaves the data folder untouched.
  const store = await openServerStore(options.database, paths.database);
  const cleanups: (() => Promise<unknown>)[] = [() => store.close()];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const key = await loadOrCreateSigningKey(paths.signingKey);
    const admin = await ensureAdmin(store, paths.adminToken);
    // The server's own platform is one KOMBIT trusts: what it judges is backed by "a run on a platform KOMBIT trusts".
    await store.trustPlatformKey({
      fingerprint: key.fingerprint,
      name: "klarmeld server's test platform (KOMBIT)",
      addedBy: 'klarmeld server',
    });
    // Without the evidence route: its key is the one KOMBIT trusts, so it signs only runs the server
    // judged itself, never a results digest a supplier's runner sends (run-attestation/2).
    const modules = (await loadModules(catalog, [])).filter((m) => m.name !== 'evidence');
    const platform = await startPlatform({
      dataDir: paths.platform,
      host,
      port: options.platformPort ?? 0,
      catalog,
      signingKeyPem: key.privateKeyPem,
      modules,
    });
    cleanups.push(() => platform.stop());
    const links = new SystemLinks(platform.url);
    cleanups.push(() => links.close());
    // This instance among those sharing the database (server/cluster/): its URL is known once it listens.
    const instance = { id: randomUUID(), url: '' };
    const runs = new RunService({
      store,
      catalog,
      platform,
      key,
      links,
      instance,
      ...(options.relaySlackSeconds !== undefined ? { relaySlackSeconds: options.relaySlackSeconds } : {}),
      ...(options.runLeaseSeconds !== undefined ? { runLeaseSeconds: options.runLeaseSeconds } : {}),
    });
    cleanups.push(() => runs.stop());
    const notifications = await startNotifications({
      database: options.database,
      sqliteFile: paths.database,
      store,
      catalog,
      platform,
      ...(options.notify ? { options: options.notify } : {}),
    });
    cleanups.push(() => notifications.stop());
    const routes = [
      ...identityRoutes(store, catalog),
      ...systemRoutes(store, catalog, platform, links),
      ...runRoutes(store, runs),
      ...sheetRoutes(store, catalog),
      ...agreementRoutes(store, catalog, platform),
      ...reportRoutes(store, catalog),
      ...keyRoutes(store),
      ...programmeRoutes(store, catalog),
      ...notifications.routes,
    ];
    const api = jsonApi(store, routes);
    // The web front (HTML at / and /en/) beside the API, reading and writing through the same routes.
    const web = webFront({ store, catalog, routes });
    const http = createServer((req, res) => (/^\/api(\/|$)/.test(req.url ?? '') ? api : web)(req, res));
    // Long polls hold a request up to 20 s; the defaults would cut them or keep dead sockets.
    http.requestTimeout = 60_000;
    http.headersTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port ?? 0, host, () => resolve());
    });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections();
        }),
    );
    const { port } = http.address() as AddressInfo;
    instance.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    // Heartbeat of this instance's runs, and the end of runs whose instance stopped.
    runs.leases.start();
    return {
      url: instance.url,
      platformUrl: platform.url,
      dataDir: options.dataDir,
      adminToken: { file: paths.adminToken, created: admin.created },
      keyFingerprint: key.fingerprint,
      store,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
