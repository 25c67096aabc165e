import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Agent } from 'undici';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { EnvironmentError, runSuites, type RunEvent, type RunOutput } from '../framework/index.ts';
import { interpolate, loadProfile, profilePath } from '../profile/index.ts';
import { ProfileError } from '../profile/index.ts';
import type { Profile } from '../profile/index.ts';
import { systemUnderTest } from '../profile/index.ts';
import { declaredOperations, suitesFor, withKorsbaekOf } from '../suites/index.ts';
import { connectionEnv, connectionFor } from './connection-file.ts';
import { startEmbeddedSession } from './embedded-platform.ts';
import { attachExternalSession } from './external-platform.ts';
import { startFlakyLink, type FlakyLink } from './flaky-link.ts';
import { freePort } from './free-port.ts';
import type { PlatformSession } from './platform-session.ts';
import { probeReachable } from './probe.ts';
import { externalTestOrigin } from './service-urls.ts';
import { startSystem, SystemNotReadyError, type SystemProcess } from './system-process.ts';
import { suiteEnvironment } from './suite-environment.ts';
import type { Trigger } from './trigger-reply.ts';

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
  /** The key the embedded platform signs evidence with (PKCS#8 PEM); default a new one per run. */
  platformSigningKeyPem?: string;
  /**
   * A platform session the caller holds (klarmeld server's own platform, the system already
   * registered there): used as it is, neither started nor stopped by the run.
   */
  session?: PlatformSession;
  /**
   * Asks the system to act instead of the profile's trigger hook (klarmeld server relays each
   * request to the CLI, which forwards it to the supplier's local system).
   */
  trigger?: Trigger;
  /**
   * A link between the system and the platform that the caller holds (klarmeld server keeps one
   * per system, named in the system's connection), so the network tests can cut connections of a
   * system this run does not start.
   */
  link?: FlakyLink;
}

export interface ConformanceRun {
  profile: Profile;
  /** The catalogue the run used (the one passed in, or the shipped one). */
  catalog: Catalog;
  profileFile: string;
  system: { id: string; name: string };
  /** The integrations the catalogue requires of the system, and those klarmeld has no suite for. */
  required: string[];
  withoutSuite: string[];
  output: RunOutput;
  platform: { url: string; target: 'embedded' | 'external-test'; publicKey?: string };
  /** True when this run started the embedded platform itself (no platform URL given). */
  platformStartedHere: boolean;
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
  // A catalogue system is tested as KOMBIT lists it; a system outside the catalogue as its profile describes it.
  const system = systemUnderTest(catalog, loaded.profile, loaded.file);
  const required = system.integrations;
  // The hand-written suites and the generic ones made from the catalogue's imported contracts.
  const suitesByIntegration = suitesFor(catalog);
  // Suites run in the index's order (tokens first), not the catalogue's.
  const withSuite = Object.keys(suitesByIntegration).filter((id) => required.includes(id));
  // A selection outside what the system requires would run nothing and still look like a pass.
  const notRequired = (options.integrations ?? []).filter((id) => !withSuite.includes(id));
  if (notRequired.length > 0) {
    const scope = system.listed ? `${system.id} does not require` : 'The profile names neither';
    throw new ProfileError([
      {
        code: 'integration-not-required',
        file: loaded.file,
        field: 'system',
        message: `${scope} ${notRequired.join(', ')} (or klarmeld has no suite for it). Its suites: ${withSuite.join(', ') || 'none'}`,
      },
    ]);
  }
  const ports = { TRIGGER_PORT: String(await freePort()), CALLBACK_PORT: String(await freePort()) };
  const profile = interpolate(loaded.profile, {
    ...process.env,
    ...ports,
    NODE: process.execPath,
    PROFILE_DIR: loaded.dir,
  });
  const municipalityCvr = profile.platform.municipality;
  // KOMBIT's external test environment has no single base URL: its STS host stands for it.
  const url =
    options.platformUrl ??
    profile.platform.url ??
    (profile.target === 'external-test' ? externalTestOrigin(catalog) : undefined);
  const cleanups: (() => Promise<unknown>)[] = [];
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    })());
  options.signal?.addEventListener('abort', () => void close(), { once: true });
  // Something started after an abort (Ctrl-C while the system starts) is stopped at once.
  const own = async (cleanup: () => Promise<unknown>) => {
    if (!options.signal?.aborted) return void cleanups.push(cleanup);
    await cleanup().catch(() => undefined);
    throw new RunAborted();
  };

  try {
    let session: PlatformSession;
    if (options.session) {
      session = options.session;
    } else if (url) {
      phase(`Connecting to the platform at ${url}`);
      if (!profile.certificate) {
        await probeReachable(url);
        throw new ProfileError([
          {
            code: 'profile-invalid',
            file: loaded.file,
            field: 'certificate',
            message:
              'A platform given by URL needs the system certificate: add certificate.cert and certificate.key (and certificate.ca)',
          },
        ]);
      }
      session = await attachExternalSession({
        catalog,
        url,
        target: profile.target,
        integrations: withSuite,
        municipalityCvr,
        userSystemUuid: profile.platform.userSystemUuid,
        files: {
          cert: profilePath(loaded, profile.certificate.cert),
          key: profilePath(loaded, profile.certificate.key),
          ...(profile.certificate.ca ? { ca: profilePath(loaded, profile.certificate.ca) } : {}),
        },
      });
    } else {
      phase('Starting the embedded platform');
      session = await startEmbeddedSession({
        catalog,
        system,
        integrations: withSuite,
        municipalityCvr,
        callbackUrl: profile.callbacks.beskedfordeler,
        ...(options.platformSigningKeyPem ? { signingKeyPem: options.platformSigningKeyPem } : {}),
      });
    }
    if (!options.session) await own(() => session.stop());
    const dispatcher = new Agent({
      connect: { ca: session.caPem || undefined, cert: session.certPem, key: session.keyPem },
    });
    await own(() => dispatcher.close());

    let link: FlakyLink | undefined = options.link;
    let started: SystemProcess | undefined;
    let notReady: SystemNotReadyError | undefined;
    if (profile.start) {
      const platformUrl = new URL(session.baseUrl);
      if (session.target === 'embedded' && ['127.0.0.1', 'localhost'].includes(platformUrl.hostname)) {
        link = await startFlakyLink(platformUrl.hostname, Number(platformUrl.port));
        await own(() => link!.close());
      }
      const dir = await mkdtemp(join(tmpdir(), 'klarmeld-connection-'));
      await own(() => rm(dir, { recursive: true, force: true }));
      const connectionFile = join(dir, 'connection.json');
      await writeFile(connectionFile, JSON.stringify(connectionFor(session, link), null, 2));
      phase('Starting the system');
      try {
        started = await startSystem({
          command: profile.start.command,
          cwd: profile.start.cwd ? profilePath(loaded, profile.start.cwd) : loaded.dir,
          env: { ...options.systemEnv, [connectionEnv.file]: connectionFile, ...ports },
          ready: profile.start.ready,
          timeoutSeconds: profile.start.timeout,
        });
      } catch (error) {
        // A system that runs but never gets ready is an environment problem; the run still ends
        // in a document (the first suite's tests environment errors, the rest not run), as
        // --json and --report promise.
        if (!(error instanceof SystemNotReadyError)) throw error;
        notReady = error;
      }
      if (started) await own(() => started!.stop());
    }

    const { environment, unavailable, cleanup } = suiteEnvironment({
      session,
      system,
      profile,
      dispatcher,
      link,
      interactive: options.interactive,
      loadedDir: loaded.dir,
      ...(started ? { systemState: started.ended } : {}),
      ...(options.trigger ? { trigger: options.trigger } : {}),
    });
    await own(cleanup);

    const selected = new Set(options.integrations ?? withSuite);
    if (options.signal?.aborted) throw new RunAborted();
    const running = withSuite.filter((id) => selected.has(id)).length;
    phase(`Running ${running} suite${running === 1 ? '' : 's'}`);
    const startedAt = new Date();
    // The suites compare with the Korsbæk data of this run's catalogue, the data the platform serves.
    const output = await withKorsbaekOf(catalog.korsbaek, () =>
      runSuites({
        suites: withSuite.map((id) =>
          notReady ? unstartable(suitesByIntegration[id]!, notReady) : suitesByIntegration[id]!,
        ),
        environment,
        select: (testId) => {
          const integration = withSuite.find((id) => testId.startsWith(`${suitesByIntegration[id]!.id}.`));
          if (!integration || !selected.has(integration)) return 'Not selected with --integration';
          // A profile that lists the operations it implements is tested on those (generic suites).
          const operations =
            typeof profile.system === 'string'
              ? []
              : (profile.system.integrations.find((i) => i.id === integration)?.operations ?? []);
          return declaredOperations(suitesByIntegration[integration]!, catalog, operations)(testId);
        },
        unavailable,
        timeoutMs: options.timeoutMs ?? testTimeoutMs(profile),
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      }),
    );
    return {
      profile,
      catalog,
      profileFile: resolve(loaded.file),
      system: { id: system.id, name: system.name },
      required,
      withoutSuite: required.filter((id) => !suitesByIntegration[id]),
      output,
      session,
      dispatcher,
      startedAt,
      finishedAt: new Date(),
      platform: { url: session.baseUrl, target: session.target },
      platformStartedHere: !url && !options.session,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * A test's time: 20 s, or longer when the profile gives the trigger longer, so that a test never
 * times out (the supplier's failure, asked again by the next test) while the trigger still
 * waits for an answer whose absence would end the run as an environment problem.
 */
function testTimeoutMs(profile: Profile): number {
  return Math.max(20_000, (profile.trigger?.timeout ?? 0) * 1000 + 5_000);
}

/** A suite whose setup fails with the system's start problem: its tests, and the run, end as environment errors. */
function unstartable<S extends { setup?: unknown }>(suite: S, error: SystemNotReadyError): S {
  return { ...suite, setup: () => Promise.reject(error) };
}

/** The run was stopped on request (Ctrl-C); everything it started has been stopped. */
export class RunAborted extends Error {
  override name = 'RunAborted';
  readonly code = 'run-aborted';
  constructor() {
    super('The run was stopped on request; the system and the platform were shut down');
  }
}

export { EnvironmentError };
