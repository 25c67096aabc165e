import { createServer } from 'node:https';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { DatabaseSync } from 'node:sqlite';
import type { Catalog } from '../../../catalog/index.ts';
import { loadCatalog } from '../../../catalog/index.ts';
import { PlatformAdmin } from '../admin/platform-admin.ts';
import { moduleSources } from '../modules.ts';
import { PlatformPkiStore } from '../pki/platform-pki.ts';
import { ExchangeRecorder } from '../recorder/exchange-recorder.ts';
import { SqliteRegistry } from '../registry/sqlite-registry.ts';
import type { ContractValidation, PlatformModule, PlatformServices } from '../service-handler.ts';
import { openDatabase } from '../store/open-database.ts';
import { loadOrCreateSigner, signerOf } from '../store/signing-key.ts';
import { createContractValidation } from '../validation/contract-validation.ts';
import { builtinModule } from './builtin-routes.ts';
import { refuseClashingCatalogue } from './catalogue-guard.ts';
import { defaultLimits, type PlatformLimits } from './limits.ts';
import { createRequestListener } from './request-handler.ts';
import { Router } from './router.ts';
import { HandshakeGate } from './handshake-gate.ts';
import { TlsGate } from './tls-gate.ts';
import { cacheXmldomRegexes } from './xmldom-regex-cache.ts';
import { createCrl } from '../pki/crl.ts';
import { startCrlRefresh } from './crl-refresh.ts';

export interface StartPlatformOptions {
  dataDir: string;
  host?: string;
  /** 0 = a free port (tests, the conformance runner). */
  port?: number;
  catalog?: Catalog;
  clock?: () => Date;
  /** Service modules; default: every module in `modules.ts`. */
  modules?: PlatformModule[];
  limits?: Partial<PlatformLimits>;
  /** Validate requests and responses against the contracts (default on). */
  validation?: boolean | ContractValidation;
  /** Record exchanges (default on). */
  recording?: boolean;
  /** Digest, sign and store exchanges on a worker thread (default on). */
  recorderThread?: boolean;
  /**
   * The Ed25519 private key (PKCS#8 PEM) that signs evidence, instead of the one kept in the data
   * folder: a demo that starts a fresh platform every run keeps one key, so its sheet trusts one.
   */
  signingKeyPem?: string;
  /**
   * Listen with SO_REUSEPORT, so that several platform processes on the same data folder share one
   * port and the kernel spreads connections among them (bench/platform: does a second request
   * process pay on this machine?). Off by default: a second platform on a taken port is an error.
   */
  reusePort?: boolean;
}

export interface RunningPlatform {
  url: string;
  host: string;
  port: number;
  caPath: string;
  dataDir: string;
  registry: SqliteRegistry;
  admin: PlatformAdmin;
  services: PlatformServices;
  recorder: ExchangeRecorder;
  /** Paths of the SOAP services served. */
  paths: string[];
  /** Module load failures (the platform still serves the rest). */
  problems: string[];
  stop(): Promise<void>;
}

/** Starts the embedded test platform: HTTPS with client certificates of its own CA (holder-of-key endpoints also without), every service module, the recorder. */
export async function startPlatform(options: StartPlatformOptions): Promise<RunningPlatform> {
  cacheXmldomRegexes();
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? (() => new Date());
  const limits = { ...defaultLimits, ...options.limits };
  const catalog = options.catalog ?? (await loadCatalog()).catalog;
  refuseClashingCatalogue(catalog);
  const pki = await PlatformPkiStore.open(options.dataDir, clock);
  const db: DatabaseSync = openDatabase(options.dataDir);
  const registry = new SqliteRegistry(db, clock);
  const signer = options.signingKeyPem ? signerOf(options.signingKeyPem) : loadOrCreateSigner(db, clock);
  const recorder = new ExchangeRecorder(
    db,
    signer,
    options.recorderThread === false ? {} : { worker: { dbPath: join(options.dataDir, 'platform.sqlite') } },
  );
  const problems: string[] = [];
  const modules = [
    builtinModule(recorder, { pageBytes: limits.exchangesPageBytes }),
    ...(options.modules ?? (await loadModules(catalog, problems))),
  ];
  const router = new Router(modules);
  const gate = new TlsGate(
    registry,
    limits.maxConnections,
    limits.maxAnonymousConnections,
    limits.maxConnectionsPerCertificate,
  );
  const handshakes = new HandshakeGate({
    maxPending: limits.maxPendingHandshakes,
    timeoutMs: limits.handshakeTimeoutMs,
  });
  const contractValidation =
    typeof options.validation === 'object' ? undefined : createContractValidation(options.validation ?? true, catalog);
  problems.push(...(contractValidation?.problems ?? []));
  const validation = typeof options.validation === 'object' ? options.validation : contractValidation!;
  const server = await pki.serverCertificate(host);
  const services: PlatformServices = {
    registry,
    catalog,
    clock,
    signer,
    pki,
    validation,
    recorder,
    database: db,
    dataDir: options.dataDir,
    baseUrl: '',
  };

  // The CRL is created before the server so that a certificate revoked earlier is refused from the first handshake.
  const tlsFiles = { key: server.keyPem, cert: server.certPem, ca: pki.caCertPem };
  const initialCrl = await createCrl(pki.ca, registry.revokedCertificates(), clock());
  const https = createServer(
    {
      ...tlsFiles,
      crl: initialCrl,
      // Every client is asked for its certificate, but one without may finish the handshake: the
      // holder-of-key endpoints prove their caller by the message signature, as public OIOIDWS
      // clients call them. TlsGate refuses a certificate the CA did not issue or the CRL lists
      // (socket.authorized), and the request handler refuses anonymous connections everywhere else.
      requestCert: true,
      rejectUnauthorized: false,
      // Node's own idle timer for the handshake (default 120 s); HandshakeGate also bounds its total time.
      handshakeTimeout: limits.handshakeTimeoutMs,
      keepAlive: true,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      maxHeaderSize: limits.maxHeaderBytes,
      // Check request timeouts often enough that a slow client is cut off close to the limit.
      connectionsCheckingInterval: Math.min(1000, limits.requestTimeoutMs / 4),
      // TLS sessions are resumed without re-sending the client certificate; refuse resumption so every connection is checked.
      sessionTimeout: 0,
    },
    createRequestListener({
      router,
      gate,
      recorder,
      limits,
      platform: () => services,
      recording: options.recording ?? true,
    }),
  );
  // No server.maxConnections: it counts connections in their handshake too, so idle sockets that
  // show no certificate would fill it and lock every system out. The two gates budget them apart.
  const crlRefresh = startCrlRefresh(https, tlsFiles, pki, registry, clock);
  https.on('tlsClientError', () => undefined);
  gate.attach(https);
  handshakes.attach(https);
  try {
    await new Promise<void>((resolve, reject) => {
      https.once('error', reject);
      https.listen({ port: options.port ?? 8443, host, reusePort: options.reusePort ?? false }, () => resolve());
    });
  } catch (error) {
    // E.g. the port is taken: release what was opened, then let the caller say so.
    gate.stop();
    handshakes.stop();
    crlRefresh.stop();
    await recorder.close();
    db.close();
    throw error;
  }
  const port = (https.address() as AddressInfo).port;
  const url = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
  services.baseUrl = url;
  for (const m of modules) await m.start?.(services);

  let stopped = false;
  return {
    url,
    host,
    port,
    caPath: pki.caCertPath,
    dataDir: options.dataDir,
    registry,
    services,
    recorder,
    problems,
    paths: router.handlers().map((h) => h.path),
    admin: new PlatformAdmin(registry, pki, catalog),
    async stop() {
      if (stopped) return;
      stopped = true;
      gate.stop();
      handshakes.stop();
      crlRefresh.stop();
      for (const m of modules) await m.stop?.();
      const closed = new Promise<void>((resolve) => https.close(() => resolve()));
      https.closeAllConnections();
      await closed;
      await recorder.close();
      db.close();
    },
  };
}

/** Loads every service module; one that fails is reported in `problems` and the rest still run. */
export async function loadModules(catalog: Catalog, problems: string[]): Promise<PlatformModule[]> {
  const loaded: PlatformModule[] = [];
  const seen = new Set<string>();
  for (const source of moduleSources) {
    if (seen.has(source.name)) continue;
    seen.add(source.name);
    try {
      const m = await source.load();
      const module = m.createPlatformModule ? await m.createPlatformModule(catalog) : m.platformModule;
      if (!module) throw new Error('it exports neither platformModule nor createPlatformModule');
      loaded.push(module);
    } catch (error) {
      problems.push(
        `Service module ${source.name} could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return loaded;
}
