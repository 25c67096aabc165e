/**
 * Finds recorded statuses that rest on an older version than the one that now applies: the run
 * behind the status used a suite older than the one this server judges with, or the catalogue
 * has a contract version of the integration that took effect after the run (its validFrom lies
 * between the run and today). A status event never changes, so what each one was tested with is
 * read once (from the run document the server keeps, or the event's date for a run recorded
 * elsewhere) and remembered.
 */
import type { Catalog } from '../../catalog/index.ts';
import type { ServerStore } from '../store/server-store.ts';
import type { NotifyEvent } from './notify-store.ts';

interface Tested {
  ranAt: string;
  suite?: string;
}

/** Compares dotted version numbers: 1.10.0 is newer than 1.9.2. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class StaleWatcher {
  private readonly tested = new Map<number, Tested>();
  private readonly catalog: Catalog;
  private readonly suiteVersions: Record<string, string>;

  /** `suiteVersions`: the version of each integration's suite this server judges with. */
  constructor(catalog: Catalog, suiteVersions: Record<string, string>) {
    this.catalog = catalog;
    this.suiteVersions = suiteVersions;
  }

  async check(server: ServerStore, now: Date): Promise<NotifyEvent[]> {
    const events: NotifyEvent[] = [];
    const today = now.toISOString().slice(0, 10);
    for (const status of await server.currentStatuses()) {
      const runId = status.evidence?.runId;
      if (status.source !== 'run' || !runId) continue;
      const tested = this.tested.get(status.seq) ?? (await this.read(server, runId, status.integration, status.at));
      this.tested.set(status.seq, tested);
      const known = this.catalog.statuses.find((s) => s.code === status.status);
      const base = {
        system: {
          id: status.system,
          name: this.catalog.systems.find((s) => s.id === status.system)?.name ?? status.system,
        },
        integration: status.integration,
        status: status.status,
        label: known?.label ?? status.status,
        labelEn: known?.labelEn ?? status.status,
        runId,
        ranAt: tested.ranAt,
      };
      const current = this.suiteVersions[status.integration];
      if (tested.suite && current && compareVersions(current, tested.suite) > 0) {
        events.push({
          key: `status.stale:${status.seq}:suite:${current}`,
          type: 'status.stale',
          system: status.system,
          at: now.toISOString(),
          payload: { ...base, why: 'suite', suite: { run: tested.suite, now: current } },
        });
      }
      const newer = (this.catalog.integrations.find((i) => i.id === status.integration)?.versions ?? [])
        .filter(
          (v) =>
            v.validFrom && v.validFrom > tested.ranAt.slice(0, 10) && v.validFrom <= today && v.lifecycle !== 'Udfaset',
        )
        .at(-1);
      if (newer) {
        const version = newer.version ?? `gyldig fra ${newer.validFrom}`;
        events.push({
          key: `status.stale:${status.seq}:contract:${version}`,
          type: 'status.stale',
          system: status.system,
          at: now.toISOString(),
          payload: {
            ...base,
            why: 'contract',
            contract: { version, validFrom: newer.validFrom, lifecycle: newer.lifecycle },
          },
        });
      }
    }
    return events;
  }

  private async read(server: ServerStore, runId: string, integration: string, recordedAt: string): Promise<Tested> {
    const document = (await server.run(runId))?.document;
    if (!document) return { ranAt: recordedAt };
    const parsed = JSON.parse(document) as { finishedAt?: string; suites?: { integration: string; version: string }[] };
    const suite = parsed.suites?.find((s) => s.integration === integration)?.version;
    return { ranAt: parsed.finishedAt ?? recordedAt, ...(suite ? { suite } : {}) };
  }
}
