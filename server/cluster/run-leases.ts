/**
 * The heartbeat of the runs this instance judges, and the end of runs whose instance stopped.
 *
 * A run belongs to the instance that runs it (its suites, trigger relay and progress live in that
 * process). While it works, the instance renews the leases of its runs in the database every
 * third of the lease; every instance also ends the runs whose lease ran out: their instance was
 * killed, lost its database or hangs, so nothing after that point was judged. Such a run ends
 * `failed` with an environment problem (never a pass, nothing recorded in the sheet), once: of
 * two instances sweeping at the same moment, only the one whose endRun changed the row writes the
 * history entry.
 */
import type { RunLease, ServerStore } from '../store/server-store.ts';

export interface RunLeaseOptions {
  store: ServerStore;
  /** This instance's id and API URL (the URL is known once it listens). */
  instance: { id: string; url: string };
  /** How long a run stays this instance's without a heartbeat (default 30 s). */
  leaseSeconds?: number;
  clock?: () => Date;
  /** A run of this instance that another one ended as lost (e.g. after a long pause): stop judging it. */
  onLost?: (runId: string) => void;
}

/** Default lease: long beside a heartbeat every 10 s and a database round trip, short beside a run. */
export const defaultLeaseSeconds = 30;

export class RunLeases {
  private readonly options: RunLeaseOptions;
  private readonly mine = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;

  constructor(options: RunLeaseOptions) {
    this.options = options;
  }

  get leaseSeconds(): number {
    return this.options.leaseSeconds ?? defaultLeaseSeconds;
  }

  /** Takes the lease of a new run of `systemId`; the lease holding the system when another run has it. */
  async claim(runId: string, systemId: string): Promise<{ claimed: true } | { heldBy: RunLease }> {
    const { store, instance } = this.options;
    const claimed = await store.claimRunLease({
      runId,
      systemId,
      owner: instance.id,
      ownerUrl: instance.url,
      expiresAt: this.expiry(),
    });
    if ('claimed' in claimed) this.mine.add(runId);
    return claimed;
  }

  async release(runId: string): Promise<void> {
    this.mine.delete(runId);
    await this.options.store.releaseRunLease(runId);
  }

  /** Starts the heartbeat and the sweep (every third of the lease). */
  start(): void {
    this.timer ??= setInterval(() => void this.tick(), (this.leaseSeconds * 1000) / 3);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
  }

  /** One heartbeat and one sweep; the timer calls it, a test may call it with its own clock. Never throws. */
  tick(): Promise<void> {
    this.ticking ??= this.beat().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private async beat(): Promise<void> {
    const { store, instance } = this.options;
    try {
      // Renewed first: an instance that was only slow keeps its runs unless their lease already ran out.
      const held = [...this.mine];
      if (held.length > 0) await store.renewRunLeases(instance.id, this.expiry());
      const leases = await store.runLeases();
      // Held before the listing and gone from it: another instance ended the run as lost.
      for (const runId of held) {
        if (this.mine.has(runId) && !leases.some((l) => l.runId === runId)) {
          this.mine.delete(runId);
          this.options.onLost?.(runId);
        }
      }
      const now = this.now().toISOString();
      for (const lease of leases) if (lease.expiresAt < now) await this.endLost(lease);
    } catch {
      // The database is away: nothing renewed, so other instances end these runs when it returns; try again next beat.
    }
  }

  private async endLost(lease: RunLease): Promise<void> {
    const { store, instance } = this.options;
    const who = lease.owner === instance.id ? 'this instance' : `the klarmeld server instance at ${lease.ownerUrl}`;
    const problem =
      `run.instance-lost: ${who}, which judged run ${lease.runId} of ${lease.systemId}, gave no sign of life after ${lease.expiresAt} ` +
      '(stopped, killed, or cut off from the database). Nothing after that was judged and nothing of this run was recorded in the sheet: ' +
      'it is an environment problem, not a verdict on the system. Run klarmeld test again.';
    const ended = await store.endRun(lease.runId, { state: 'failed', problem });
    if (ended)
      await store.appendHistory({
        actor: 'server',
        action: 'run.lost',
        subject: lease.runId,
        detail: { system: lease.systemId, owner: lease.ownerUrl, by: instance.url },
      });
    await store.releaseRunLease(lease.runId);
    if (this.mine.delete(lease.runId)) this.options.onLost?.(lease.runId);
  }

  private now(): Date {
    return (this.options.clock ?? (() => new Date()))();
  }

  private expiry(): string {
    return new Date(this.now().getTime() + this.leaseSeconds * 1000).toISOString();
  }
}
