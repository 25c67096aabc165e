/**
 * Finds status changes in the sheet, and the agreements a new declaration leaves waiting, by
 * reading the sheet's append-only events after a cursor kept in the store: whoever wrote them
 * (a judged run, KOMBIT, `klarmeld sheet` on the same file, another instance), they are found,
 * and a crash between finding and recording finds them again (event keys are deterministic).
 * The first check of a sheet starts at its end: notifications begin when they are switched on.
 */
import type { Catalog } from '../../catalog/index.ts';
import { isApprovedAgreement } from '../../catalog/index.ts';
import { agreementsWithDecisions } from '../routes/report-routes.ts';
import type { ServerStore } from '../store/server-store.ts';
import type { NotifyEvent, NotifyStore, SheetChange } from './notify-store.ts';

/** Re-read this many events before the cursor: on PostgreSQL a transaction may commit a lower seq after a higher one was read. */
const overlap = 20;
const page = 500;

/**
 * Reads the sheet after the cursor a page at a time; each page's events go to `record` before
 * the cursor moves past them, so a crash in between finds them again (and records them once).
 * `seen`: the seqs this instance has handled, kept by the caller between checks.
 */
export async function watchSheet(
  store: NotifyStore,
  server: ServerStore,
  catalog: Catalog,
  record: (events: NotifyEvent[]) => Promise<void>,
  seen: Set<number> = new Set(),
): Promise<void> {
  const cursor = await store.cursor('sheet');
  if (cursor === undefined) {
    const end = String(await store.lastSheetSeq());
    // The start is a floor the overlap never reads below: what came before is never announced.
    await store.setCursor('sheet-start', end);
    await store.setCursor('sheet', end);
    return;
  }
  let seq = Math.max(Number((await store.cursor('sheet-start')) ?? 0), Number(cursor) - overlap);
  for (;;) {
    const changes = await store.sheetChangesAfter(seq, page);
    const events: NotifyEvent[] = [];
    // What this instance has handled is skipped: the re-read costs one query, not one per event.
    for (const change of changes.filter((c) => !seen.has(c.seq))) {
      const previous = await store.sheetChangeBefore(change.system, change.integration, change.seq);
      if (previous?.status === change.status) continue;
      events.push(statusChanged(catalog, change, previous));
      const waiting = catalog.statuses.find((s) => s.code === change.status)?.ready
        ? await waitingAgreement(catalog, server, change)
        : undefined;
      if (waiting) events.push(waiting);
    }
    await record(events);
    for (const change of changes) seen.add(change.seq);
    // Sets iterate in insertion order: the oldest seqs go first, long after the re-read window.
    for (const seq of seen)
      if (seen.size > 5 * page) seen.delete(seq);
      else break;
    if (changes.length > 0) seq = changes.at(-1)!.seq;
    if (seq > Number(cursor)) await store.setCursor('sheet', String(seq));
    if (changes.length < page) break;
  }
}

const labels = (catalog: Catalog, status: string) => {
  const known = catalog.statuses.find((s) => s.code === status);
  return { label: known?.label ?? status, labelEn: known?.labelEn ?? status };
};
const systemOf = (catalog: Catalog, id: string) => {
  const system = catalog.systems.find((s) => s.id === id);
  return { id, name: system?.name ?? id, supplier: system?.supplier };
};

function statusChanged(catalog: Catalog, change: SheetChange, previous: SheetChange | undefined): NotifyEvent {
  return {
    key: `status.changed:${change.seq}`,
    type: 'status.changed',
    system: change.system,
    at: change.at,
    payload: {
      system: systemOf(catalog, change.system),
      integration: change.integration,
      status: change.status,
      ...labels(catalog, change.status),
      ...(change.word ? { word: change.word } : {}),
      ...(change.reason ? { reason: change.reason } : {}),
      ...(previous ? { previous: { status: previous.status, ...labels(catalog, previous.status) } } : {}),
      actor: change.actor,
      source: change.source,
      ...(change.runId ? { runId: change.runId } : {}),
      seq: change.seq,
    },
  };
}

/** The municipalities using the system whose agreement for the integration is neither approved nor rejected yet. */
async function waitingAgreement(
  catalog: Catalog,
  server: ServerStore,
  change: SheetChange,
): Promise<NotifyEvent | undefined> {
  const system = catalog.systems.find((s) => s.id === change.system);
  if (!system) return undefined;
  const agreements = agreementsWithDecisions(
    catalog,
    await server.agreementDecisions({ systemIds: [system.id] }),
  ).filter((a) => a.system === system.id && a.integration === change.integration);
  const settled = new Set(
    agreements
      .filter((a) => isApprovedAgreement(a) || /^(afvist|rejected)$/i.test(a.status.trim()))
      .map((a) => a.municipality),
  );
  const cvrs = [...new Set([...system.municipalities, ...agreements.map((a) => a.municipality)])].filter(
    (cvr) => !settled.has(cvr),
  );
  if (cvrs.length === 0) return undefined;
  const municipalities = cvrs.map((cvr) => ({
    cvr,
    name: catalog.municipalities.find((m) => m.cvr === cvr)?.name ?? `CVR ${cvr}`,
  }));
  return {
    key: `agreement.waiting:${change.seq}`,
    type: 'agreement.waiting',
    system: system.id,
    at: change.at,
    payload: {
      system: systemOf(catalog, system.id),
      integration: change.integration,
      status: change.status,
      ...labels(catalog, change.status),
      municipalities,
    },
  };
}
