import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Agent } from 'undici';
import type { Catalog } from '../../catalog/catalog.ts';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { findSystem, requirementsOf } from '../../catalog/query.ts';
import { EnvironmentError, runSuites, type RunEvent, type RunOutput } from '../framework/index.ts';
import { interpolate, loadProfile, profilePath } from '../profile/load-profile.ts';
import { ProfileError } from '../profile/problem.ts';
import type { Profile } from '../profile/schema.ts';
import { suitesByIntegration } from '../suites/index.ts';
import type { SuiteEnvironment } from '../suites/shared/environment.ts';
import { recorderClient } from '../suites/shared/recorder-client.ts';
import { connectionEnv, type SystemConnection } from './connection.ts';
import { startEmbeddedSession } from './embedded-platform.ts';
import { attachExternalSession } from './external-platform.ts';
import { startFlakyLink, type FlakyLink } from './flaky-link.ts';
import { freePort } from './free-port.ts';
import { interactiveTrigger } from './interactive-trigger.ts';
import type { PlatformSession } from './platform-session.ts';
import { probeReachable } from './probe.ts';
import { serviceEndpoints } from './service-urls.ts';
import { callbackPusher } from './pusher.ts';
import { startSystem, type SystemProcess } from './system-process.ts';
import { commandTrigger, httpTrigger } from './trigger.ts';

export interface ConformanceOptions {
  profileFile: string;
  /** Only these integrations' tests run; the others of the system are omitted. */
  integrations?: string[];
  /** Overrides platform.url of the profile. */
  platformUrl?: string;
  /** Ask a person instead of the trigger hook; `prompt` shows the step (empty text: done). */
  interactive?: { timeoutSeconds: number; prompt: (text: string, secondsLeft: number) => void };
  catalog?: Catalog;
  /** Extra environment for a system the runner starts (e.g. REFERENCE_SYSTEM_FAULT). */
  systemEnv?: Record<string, string>;
  onEvent?: (event: RunEvent) => void;
  onPhase?: (text: string) => void;
  timeoutMs?: number;
  /** Aborting stops the system and the platform at once (Ctrl-C); the run then ends in errors. */
  signal?: AbortSignal;
}

export interface ConformanceRun {
  profile: Profile;
  profileFile: string;
  system: { id: string; name: string };
  /** The integrations the catalogue requires of the system, and those klarmeld has no suite for. */
  required: string[];
  withoutSuite: string[];
  output: RunOutput;
  platform: { url: string; target: 'embedded' | 'external-test'; publicKey?: string };
  /** The platform session (still open): the caller attests and then calls `close`. */
  session: PlatformSession;
  dispatcher: Agent;
  startedAt: Date;
  finishedAt: Date;
  close(): Promise<void>;
}

/**
 * The glue of `klarmeld test`: profile → catalogue → platform (started or attached) → system
 * registered with its agreements → system started → suites run. Throws ProfileError (exit 2) or
 * EnvironmentError (exit 3) when it cannot get that far.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceRun> {
  const phase = options.onPhase ?? (() => {});
  const loaded = await loadProfile(options.profileFile);
  const catalog = options.catalog ?? (await loadCatalog()).catalog;
  const system = findSystem(catalog, loaded.profile.system);
  if (!system) {
    throw new ProfileError([{ code: 'profile-invalid', file: loaded.file, field: 'system', message: `The catalogue has no system "${loaded.profile.system}". Run klarmeld catalog list to see the systems, or add yours to catalog/data/systems.yaml` }]);
  }
  const required = requirementsOf(catalog, system.id).required.map((r) => r.integration);
  // Suites run in the index's order (tokens first), not the catalogue's.
  const withSuite = Object.keys(suitesByIntegration).filter((id) => required.includes(id));
  const ports = { TRIGGER_PORT: String(await freePort()), CALLBACK_PORT: String(await freePort()) };
  const profile = interpolate(loaded.profile, { ...process.env, ...ports, NODE: process.execPath, PROFILE_DIR: loaded.dir });
  const municipalityCvr = profile.platform.municipality;
  // KOMBIT's external test environment has no single base URL: its STS host stands for it.
  const url = options.platformUrl ?? profile.platform.url ?? (profile.target === 'external-test' ? externalTestOrigin(catalog) : undefined);
  const cleanups: (() => Promise<unknown>)[] = [];
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    })());
  options.signal?.addEventListener('abort', () => void close(), { once: true });

  try {
    let session: PlatformSession;
    if (url) {
      phase(`Connecting to the platform at ${url}`);
      if (!profile.certificate) {
        await probeReachable(url);
        throw new ProfileError([{ code: 'profile-invalid', file: loaded.file, field: 'certificate', message: 'A platform given by URL needs the system certificate: add certificate.cert and certificate.key (and certificate.ca)' }]);
      }
      session = await attachExternalSession({
        catalog, url, target: profile.target, integrations: withSuite, municipalityCvr, userSystemUuid: profile.platform.userSystemUuid,
        files: { cert: profilePath(loaded, profile.certificate.cert), key: profilePath(loaded, profile.certificate.key), ...(profile.certificate.ca ? { ca: profilePath(loaded, profile.certificate.ca) } : {}) },
      });
    } else {
      phase('Starting the embedded platform');
      session = await startEmbeddedSession({ catalog, system, integrations: withSuite, municipalityCvr, callbackUrl: profile.callbacks.beskedfordeler });
    }
    cleanups.push(() => session.stop());
    const dispatcher = new Agent({ connect: { ca: session.caPem || undefined, cert: session.certPem, key: session.keyPem } });
    cleanups.push(() => dispatcher.close());

    let link: FlakyLink | undefined;
    if (profile.start) {
      const platformUrl = new URL(session.baseUrl);
      if (session.target === 'embedded' && ['127.0.0.1', 'localhost'].includes(platformUrl.hostname)) {
        link = await startFlakyLink(platformUrl.hostname, Number(platformUrl.port));
        cleanups.push(() => link!.close());
      }
      const dir = await mkdtemp(join(tmpdir(), 'klarmeld-connection-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      const connectionFile = join(dir, 'connection.json');
      await writeFile(connectionFile, JSON.stringify(connectionFor(session, link), null, 2));
      phase('Starting the system');
      const started: SystemProcess = await startSystem({
        command: profile.start.command,
        cwd: profile.start.cwd ? profilePath(loaded, profile.start.cwd) : loaded.dir,
        env: { ...options.systemEnv, [connectionEnv.file]: connectionFile, ...ports },
        ready: profile.start.ready,
        timeoutSeconds: profile.start.timeout,
      });
      cleanups.push(() => started.stop());
    }

    const recorder = session.recorder ? recorderClient(session.baseUrl, dispatcher) : undefined;
    const trigger = options.interactive && recorder
      ? interactiveTrigger({ recorder, ...options.interactive })
      : profile.trigger?.url ? httpTrigger(profile.trigger.url, profile.trigger.timeout)
      : profile.trigger?.command ? commandTrigger(profile.trigger.command, loaded.dir, profile.trigger.timeout)
      : undefined;
    const callbackUrl = profile.callbacks.beskedfordeler;
    const pusher = session.pushAs && callbackUrl
      ? callbackPusher({ callbackUrl, caPem: session.caPem, municipalityCvr, ...session.pushAs })
      : undefined;
    if (pusher) cleanups.push(() => pusher.close());

    const environment: SuiteEnvironment = {
      target: session.target,
      system: { id: system.id, userSystemUuid: session.userSystemUuid, municipalityCvr, certPem: session.certPem, keyPem: session.keyPem },
      platform: { baseUrl: session.baseUrl, dispatcher, urls: session.urls, agreements: session.agreements },
      ...(recorder ? { recorder } : {}),
      ...(trigger ? { trigger } : {}),
      ...(link ? { network: link } : {}),
      ...(pusher ? { beskedfordeler: pusher } : {}),
      ...(callbackUrl ? { callbackUrl } : {}),
      caPem: session.caPem,
    };
    const unavailable: Record<string, string> = {};
    if (!recorder) unavailable.recorder = session.target === 'external-test'
      ? "Needs the embedded platform's recorder to see what the system sent; KOMBIT's external test environment does not show it"
      : 'The platform does not let the runner read its recorded exchanges';
    if (!trigger) unavailable.trigger = 'The profile has no trigger hook (trigger.url or trigger.command) and the run is not --interactive';
    if (!link) unavailable.network = 'The runner can cut connections only for a system it starts itself, connected to the embedded platform';
    if (!pusher) unavailable.beskedfordeler = 'Only the embedded platform pushes Beskedfordeler messages on request, and only to a callback named in the profile';
    if (!callbackUrl) unavailable.callback = 'The profile names no callback endpoint (callbacks.beskedfordeler)';

    const selected = new Set(options.integrations ?? withSuite);
    phase(`Running ${withSuite.filter((id) => selected.has(id)).length} suites`);
    const startedAt = new Date();
    const output = await runSuites({
      suites: withSuite.map((id) => suitesByIntegration[id]!),
      environment,
      select: (testId) => {
        const integration = withSuite.find((id) => testId.startsWith(`${suitesByIntegration[id]!.id}.`));
        return integration && selected.has(integration) ? true : 'Not selected with --integration';
      },
      unavailable,
      timeoutMs: options.timeoutMs ?? 20_000,
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
    return {
      profile, profileFile: resolve(loaded.file), system: { id: system.id, name: system.name },
      required, withoutSuite: required.filter((id) => !suitesByIntegration[id]),
      output, session, dispatcher, startedAt, finishedAt: new Date(),
      platform: { url: session.baseUrl, target: session.target },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function externalTestOrigin(catalog: Catalog): string | undefined {
  const sts = serviceEndpoints(catalog, ['SF1514'], 'external-test', 'https://invalid').find((e) => /kombittrust/.test(e.url));
  return sts && new URL(sts.url).origin;
}

/** What the system is told about the platform: every URL through the flaky link when there is one. */
function connectionFor(session: PlatformSession, link: FlakyLink | undefined): SystemConnection {
  const via = (url: string) => {
    if (!link) return url;
    const rewritten = new URL(url);
    rewritten.port = String(link.port);
    return rewritten.href;
  };
  const services: SystemConnection['services'] = {};
  for (const endpoint of session.endpoints) {
    const agreement = session.agreements?.find((a) => a.integration === endpoint.integration && a.status === 'approved');
    services[endpoint.name] = {
      integration: endpoint.integration,
      url: via(endpoint.url),
      ...(agreement ? { agreementUuid: agreement.uuid } : {}),
      ...(endpoint.serviceUuid ? { serviceUuid: endpoint.serviceUuid } : {}),
      ...(endpoint.entityId ? { entityId: endpoint.entityId } : {}),
    };
  }
  return {
    target: session.target,
    municipalityCvr: session.municipalityCvr,
    userSystemUuid: session.userSystemUuid,
    tls: session.files,
    stsUrl: via(session.urls.sts ?? new URL('/runtime/services/kombittrust/14/certificatemixed', session.baseUrl).href),
    services,
  };
}

export { EnvironmentError };
