/**
 * A request about a run this instance does not judge (behind a load balancer, a CLI's poll may
 * reach any instance). The run belongs to the instance that runs it: while its lease says that
 * instance lives, the request is forwarded there with the caller's own token; once the run has
 * ended, the database answers (its state, so a CLI following it stops and reads the outcome);
 * while its owner cannot be reached and its lease has not run out yet, "still open, nothing
 * new" after a short pause, until an instance ends it as lost.
 */
import { notFound } from '../api/api-error.ts';
import { requireOwner } from '../api/access.ts';
import type { Identity, ServerRun, ServerStore } from '../store/server-store.ts';

/** Marks a forwarded request, so that it is never forwarded twice. */
export const forwardedHeader = 'x-klarmeld-forwarded-by';

export interface ElsewhereRequest {
  who: Identity;
  runId: string;
  method: 'GET' | 'POST';
  /** Path and query, as the caller sent them. */
  path: string;
  body: Record<string, unknown>;
  authorization?: string | undefined;
  /** Set when another instance forwarded this request here. */
  forwardedBy?: string | undefined;
}

export type ElsewhereAnswer =
  | { kind: 'forwarded'; status: number; body: unknown }
  | { kind: 'ended'; run: ServerRun }
  | { kind: 'unreachable'; run: ServerRun };

/** How long "nothing new" waits when the owner is unreachable, so a CLI's loop does not spin. */
export const unreachablePauseMs = 1000;

export async function runElsewhere(
  store: ServerStore,
  instance: { id: string; url: string },
  request: ElsewhereRequest,
): Promise<ElsewhereAnswer> {
  const run = await store.run(request.runId);
  if (!run) throw notFound(`Run ${request.runId}`);
  requireOwner(request.who, run, `follow run ${run.id}`);
  if (run.state !== 'open') return { kind: 'ended', run };
  const lease = (await store.runLeases()).find((l) => l.runId === run.id);
  if (lease && lease.owner !== instance.id && !request.forwardedBy) {
    try {
      const response = await fetch(new URL(request.path, lease.ownerUrl), {
        method: request.method,
        headers: {
          [forwardedHeader]: instance.id,
          ...(request.authorization ? { authorization: request.authorization } : {}),
          ...(request.method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
        ...(request.method === 'POST' ? { body: JSON.stringify(request.body) } : {}),
        // Beyond the longest long poll (20 s).
        signal: AbortSignal.timeout(30_000),
      });
      return { kind: 'forwarded', status: response.status, body: await response.json() };
    } catch {
      // The owner is gone (or answers no JSON): answered from the database below.
    }
  }
  await new Promise((resolve) => setTimeout(resolve, unreachablePauseMs));
  const now = await store.run(run.id);
  return now && now.state !== 'open' ? { kind: 'ended', run: now } : { kind: 'unreachable', run };
}
