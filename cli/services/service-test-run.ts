/**
 * `klarmeld test --service URL`: the run is judged by klarmeld server, not here. The CLI registers
 * the system (getting its test certificate and the server platform's addresses, written as the
 * connection file the system reads), starts the system locally as a local run does, opens a run
 * on the server, relays the server's trigger requests to the system, shows the server's
 * progress, and writes the signed document the server returns like a local run's output.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { EnvironmentError, type RunDocument, type RunEvent } from '../../conformance/framework/index.ts';
import { toHtml, toJunitXml } from '../../conformance/framework/index.ts';
import { interpolate, loadProfile, profilePath } from '../../conformance/profile/index.ts';
import { ProfileError } from '../../conformance/profile/index.ts';
import { connectionEnv } from '../../conformance/runner/index.ts';
import { freePort } from '../../conformance/runner/index.ts';
import { startSystem, type SystemProcess } from '../../conformance/runner/index.ts';
import { commandTrigger, httpTrigger } from '../../conformance/runner/index.ts';
import { serviceClient } from './service-client.ts';
import { serverDocumentProblem, serviceExitCode } from './service-document-check.ts';
import { followEvents, relayTriggers } from './service-relay.ts';
import { writeConnection, type Registration } from './service-connection.ts';

export interface ServiceTestOptions {
  serviceUrl: string;
  token: string;
  profileFile: string;
  integrations?: string[];
  junitFile?: string;
  reportFile?: string;
  /** The kommunekode or CVR of the municipality the run acts for (its agreement decisions count); default Korsbæk. */
  municipality?: string;
  /** Ask the server to record the run in its sheet. */
  record?: boolean;
  /** Extra environment for the system (e.g. REFERENCE_SYSTEM_FAULT). */
  systemEnv?: Record<string, string>;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  onPhase?: (text: string) => void;
}

export interface ServiceTestResult {
  document: RunDocument;
  exitCode: 0 | 1 | 3;
  written: string[];
  /** What the server's sheet recorded ("SF1520 klarmeldt"), with --record. */
  recorded?: string[];
  notRecorded?: { integration: string; why: string }[];
  /** Why the returned document does not verify or its verdicts do not re-derive from its tapes, if so (they always should). */
  attestationProblem?: string;
}

export async function runServiceTest(options: ServiceTestOptions): Promise<ServiceTestResult> {
  const phase = options.onPhase ?? (() => {});
  const loaded = await loadProfile(options.profileFile);
  const ports = {
    [connectionEnv.triggerPort]: String(await freePort()),
    [connectionEnv.callbackPort]: String(await freePort()),
  };
  const profile = interpolate(loaded.profile, {
    ...process.env,
    ...ports,
    NODE: process.execPath,
    PROFILE_DIR: loaded.dir,
  });
  if (!profile.trigger) {
    throw new ProfileError([
      {
        code: 'profile-invalid',
        file: loaded.file,
        field: 'trigger',
        message:
          'A run judged by klarmeld server needs the trigger hook (trigger.url or trigger.command): the server asks the system to act through it',
      },
    ]);
  }
  const client = serviceClient(options.serviceUrl, options.token);
  const callbackUrl = profile.callbacks.beskedfordeler;
  phase(`Registering ${profile.system} with klarmeld server at ${options.serviceUrl}`);
  const registration = await client.post<Registration>(
    '/api/systems',
    { system: profile.system, ...(callbackUrl ? { callbackUrl } : {}) },
    options.signal,
  );
  const dir = await mkdtemp(join(tmpdir(), 'klarmeld-service-'));
  let system: SystemProcess | undefined;
  try {
    const connectionFile = await writeConnection(dir, registration);
    if (profile.start) {
      phase('Starting the system');
      system = await startSystem({
        command: profile.start.command,
        cwd: profile.start.cwd ? profilePath(loaded, profile.start.cwd) : loaded.dir,
        env: { ...options.systemEnv, [connectionEnv.file]: connectionFile, ...ports },
        ready: profile.start.ready,
        timeoutSeconds: profile.start.timeout,
      });
    }
    const started = system;
    const trigger = profile.trigger.url
      ? httpTrigger(profile.trigger.url, profile.trigger.timeout, started ? { systemState: started.ended } : {})
      : commandTrigger(profile.trigger.command!, loaded.dir, profile.trigger.timeout);
    const { run } = await client.post<{ run: { id: string } }>(
      '/api/runs',
      {
        system: profile.system,
        record: Boolean(options.record),
        triggerTimeoutSeconds: profile.trigger.timeout,
        profile: basename(loaded.file),
        ...(options.integrations ? { integrations: options.integrations } : {}),
        ...(callbackUrl ? { callbackUrl } : {}),
        ...(options.municipality ? { municipality: options.municipality } : {}),
      },
      options.signal,
    );
    // Ctrl-C: the server ends the run at once (an environment error) instead of waiting out the trigger.
    options.signal?.addEventListener(
      'abort',
      () => void client.post(`/api/runs/${run.id}/cancel`, {}).catch(() => undefined),
      { once: true },
    );
    phase(`klarmeld server runs the suites (run ${run.id})`);
    await Promise.all([
      relayTriggers(client, run.id, trigger, options.signal),
      followEvents(client, run.id, options.onEvent ?? (() => {}), options.signal),
    ]);
    const ended = await client.poll<{
      run: { state: string; problem?: string };
      document?: RunDocument;
      recorded?: string[];
      notRecorded?: ServiceTestResult['notRecorded'];
    }>(`/api/runs/${run.id}`, options.signal);
    if (!ended.document)
      throw new EnvironmentError(
        'server-run-failed',
        `klarmeld server could not judge run ${run.id}: ${ended.run.problem ?? ended.run.state}`,
      );
    const document = ended.document;
    const written: string[] = [];
    if (options.junitFile) {
      await writeFile(options.junitFile, toJunitXml(document));
      written.push(options.junitFile);
    }
    if (options.reportFile) {
      await writeFile(options.reportFile, toHtml(document));
      written.push(options.reportFile);
    }
    const attestationProblem = await serverDocumentProblem(document);
    return {
      document,
      exitCode: serviceExitCode(document.summary.exitCode, attestationProblem),
      written,
      ...(ended.recorded ? { recorded: ended.recorded, notRecorded: ended.notRecorded ?? [] } : {}),
      ...(attestationProblem ? { attestationProblem } : {}),
    };
  } finally {
    await system?.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}
