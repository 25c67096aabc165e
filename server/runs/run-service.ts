/**
 * The runs the server judges: opening one (only for a supplier's own, registered system, one at a
 * time per system), judging it in the background, recording it, and the doors the CLI uses while
 * it runs (trigger relay, progress). A run that fails before it has a document ends `failed`
 * with why; its trigger requests are released at once.
 */
import { randomUUID } from 'node:crypto';
import type { Catalog } from '../../catalog/index.ts';
import { findSystem, requirementsOf } from '../../catalog/index.ts';
import type { RunningPlatform } from '../../conformance/platform/index.ts';
import { suitesFor } from '../../conformance/suites/index.ts';
import { ApiError, notFound } from '../api/api-error.ts';
import { requireOwner, requireRole } from '../api/access.ts';
import { systemOnPlatform } from '../platform/system-on-platform.ts';
import { runMunicipalityCvr } from './run-municipality.ts';
import type { SystemLinks } from '../platform/system-links.ts';
import type { SigningKey } from '../signing-key.ts';
import type { Identity, ServerRun, ServerStore } from '../store/server-store.ts';
import { RunLeases } from '../cluster/run-leases.ts';
import { ActiveRun } from './active-run.ts';
import { judgeRun } from './judge-run.ts';
import { recordJudgedRun } from './record-judged-run.ts';

export interface OpenRunRequest {
  system: string;
  integrations?: string[];
  callbackUrl?: string;
  triggerTimeoutSeconds?: number;
  record?: boolean;
  profileName?: string;
  /** The kommunekode or CVR of the municipality the run acts for (run-municipality.ts); default Korsbæk. */
  municipality?: string;
}

export interface RunServiceDeps {
  store: ServerStore;
  catalog: Catalog;
  platform: RunningPlatform;
  key: SigningKey;
  links: SystemLinks;
  /** The relay's slack over the system's own trigger timeout: the CLI's poll and post around it (default 10 s). */
  relaySlackSeconds?: number;
  /** This instance among those sharing the database: its id and API URL (filled in once it listens). */
  instance: { id: string; url: string };
  /** How long a run stays this instance's without a heartbeat (server/cluster/run-leases.ts; default 30 s). */
  runLeaseSeconds?: number;
}

/** How long a finished run's events stay readable by the CLI that follows it. */
const keepFinishedMs = 5 * 60_000;

export class RunService {
  private readonly active = new Map<string, ActiveRun>();
  private readonly running = new Set<Promise<void>>();
  private readonly opening = new Set<string>();

  private readonly deps: RunServiceDeps;
  /** The runs this instance judges hold a lease in the database; runs whose instance stopped are ended here. */
  readonly leases: RunLeases;

  constructor(deps: RunServiceDeps) {
    this.deps = deps;
    this.leases = new RunLeases({
      store: deps.store,
      instance: deps.instance,
      ...(deps.runLeaseSeconds !== undefined ? { leaseSeconds: deps.runLeaseSeconds } : {}),
      // Another instance ended it (this one paused past its lease): judge nothing more of it.
      onLost: (id) =>
        this.active
          .get(id)
          ?.relay.end(
            'Another klarmeld server instance ended this run: this one gave no sign of life within its lease.',
          ),
    });
  }

  get instance(): { id: string; url: string } {
    return this.deps.instance;
  }

  async open(who: Identity, request: OpenRunRequest): Promise<ServerRun> {
    requireRole(who, ['supplier'], 'open a run');
    const { store, catalog } = this.deps;
    const system = findSystem(catalog, request.system);
    if (!system) throw notFound(`The system "${request.system}" (not in the catalogue)`);
    requireOwner(who, { supplierCvr: system.supplier, systemId: system.id }, `open a run of ${system.id}`);
    runMunicipalityCvr(catalog, system, request.municipality);
    if (!(await store.system(system.id))) {
      throw new ApiError(
        409,
        'run.not-registered',
        `${system.id} is not registered on this server yet: register it first (POST /api/systems), which issues its test certificate.`,
      );
    }
    const busy = (where: string) =>
      new ApiError(
        409,
        'run.busy',
        `A run of ${system.id} is already in progress ${where}; wait for it to end, then run again.`,
      );
    if (
      this.opening.has(system.id) ||
      [...this.active.values()].some((r) => r.systemId === system.id && r.state === 'open')
    )
      throw busy('on this server');
    const withSuite = Object.keys(suitesFor(catalog)).filter((id) =>
      requirementsOf(catalog, system.id).required.some((r) => r.integration === id),
    );
    const timeout =
      Math.min(300, Math.max(1, Number(request.triggerTimeoutSeconds) || 15)) + (this.deps.relaySlackSeconds ?? 10);
    // Reserved before the first await, so two requests at once cannot both open a run of it.
    this.opening.add(system.id);
    let run: ServerRun;
    let active: ActiveRun;
    try {
      // Across instances the database decides: one lease per system.
      const id = randomUUID();
      const lease = await this.leases.claim(id, system.id);
      if ('heldBy' in lease) {
        throw busy(
          lease.heldBy.owner === this.deps.instance.id
            ? 'on this server'
            : `on the klarmeld server instance at ${lease.heldBy.ownerUrl} (if that instance stopped, the run ends as lost by ${lease.heldBy.expiresAt})`,
        );
      }
      try {
        run = await store.openRun({ id, systemId: system.id, supplierCvr: system.supplier, openedBy: who.id });
        await store.appendHistory({
          actor: who.id,
          action: 'run.open',
          subject: run.id,
          detail: { system: system.id, record: Boolean(request.record) },
        });
      } catch (error) {
        await this.leases.release(id).catch(() => undefined);
        throw error;
      }
      active = new ActiveRun(run.id, system.id, system.supplier, timeout);
      this.active.set(run.id, active);
    } finally {
      this.opening.delete(system.id);
    }
    const work = this.judge(active, system, withSuite, request, who).finally(async () => {
      await this.leases.release(run.id).catch(() => undefined);
      this.running.delete(work);
      setTimeout(() => this.active.delete(run.id), keepFinishedMs).unref();
    });
    this.running.add(work);
    return run;
  }

  /** The run in flight (or just ended) on this instance with this id, for its owner or KOMBIT; undefined when it is not judged here. */
  local(who: Identity, id: string): ActiveRun | undefined {
    const active = this.active.get(id);
    if (active) requireOwner(who, { supplierCvr: active.supplierCvr, systemId: active.systemId }, `follow run ${id}`);
    return active;
  }

  /** Waits for every run in flight to end (their relays are released first, so they end as environment errors). */
  async stop(): Promise<void> {
    for (const active of this.active.values()) active.relay.end();
    await Promise.allSettled([...this.running]);
    await this.leases.stop();
  }

  private async judge(
    active: ActiveRun,
    system: NonNullable<ReturnType<typeof findSystem>>,
    withSuite: string[],
    request: OpenRunRequest,
    who: Identity,
  ): Promise<void> {
    const { store, catalog, platform, key, links } = this.deps;
    try {
      // The municipalities' decisions from the shared database: this instance's registry follows them.
      const session = await systemOnPlatform(platform, catalog, system, withSuite, request.callbackUrl, {
        decisions: await store.agreementDecisions({ systemIds: [system.id] }),
        municipalityCvr: runMunicipalityCvr(catalog, system, request.municipality),
      });
      const document = await judgeRun({
        catalog,
        platform,
        key,
        system,
        session,
        runId: active.id,
        relay: active.relay,
        link: await links.of(system.userSystemUuid),
        ...(request.integrations?.length ? { integrations: request.integrations } : {}),
        ...(request.callbackUrl ? { callbackUrl: request.callbackUrl } : {}),
        profileName: request.profileName ?? 'klarmeld.yaml',
        timeoutMs: Math.max(20_000, (active.relay.timeoutSeconds + 5) * 1000),
        onEvent: (event) => active.push(event),
      });
      // Ended first: a run another instance already ended as lost (its lease ran out) records nothing.
      const ended = await store.endRun(active.id, {
        state: 'finished',
        document: JSON.stringify(document),
        exitCode: document.summary.exitCode,
      });
      if (!ended)
        throw new ApiError(
          409,
          'run.instance-lost',
          `Run ${active.id} was ended by another instance while this one judged it (its lease ran out); its verdicts are not kept.`,
        );
      const recorded = request.record
        ? await recordJudgedRun(
            store,
            catalog,
            document,
            key,
            `klarmeld server (run ${active.id} of ${system.name}, opened by ${who.name})`,
          )
        : undefined;
      await store.appendHistory({
        actor: 'server',
        action: 'run.judge',
        subject: active.id,
        detail: {
          system: system.id,
          exitCode: document.summary.exitCode,
          ...(recorded
            ? {
                recorded: recorded.events.map((e) => `${e.integration} ${e.status}`),
                notRecorded: recorded.notRecorded,
              }
            : {}),
        },
      });
      // Released before the CLI hears the run ended, so its next run of the system is not refused as busy.
      await this.leases.release(active.id).catch(() => undefined);
      active.end('finished');
    } catch (error) {
      const problem = `${(error as { code?: string }).code ? `${(error as { code: string }).code}: ` : ''}${(error as Error)?.message ?? String(error)}`;
      await store.endRun(active.id, { state: 'failed', problem }).catch(() => undefined);
      await store
        .appendHistory({
          actor: 'server',
          action: 'run.fail',
          subject: active.id,
          detail: { system: system.id, problem },
        })
        .catch(() => undefined);
      await this.leases.release(active.id).catch(() => undefined);
      active.end('failed');
    }
  }
}
