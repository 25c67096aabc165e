/**
 * The CLI's side of a run klarmeld server judges: it carries each trigger request from the
 * server to the local system and the system's reply back, and follows the server's progress
 * events. It judges nothing and sends no results: the reply goes to the server as the system
 * gave it, and the server's suites read it.
 */
import type { RunEvent } from '../../conformance/framework/index.ts';
import { SystemUnresponsiveError, TriggerError, type Trigger } from '../../conformance/runner/index.ts';
import { ServiceRefused, type ServiceClient } from './service-client.ts';

interface TriggerPoll {
  request?: { id: string; action: string; params: Record<string, unknown> };
  state?: string;
}

/** Relays trigger requests until the run is no longer open on the server. */
export async function relayTriggers(
  client: ServiceClient,
  runId: string,
  trigger: Trigger,
  signal?: AbortSignal,
): Promise<void> {
  for (;;) {
    if (signal?.aborted) return;
    const poll = await client.poll<TriggerPoll>(`/api/runs/${runId}/trigger`, signal);
    if (!poll.request) {
      if (poll.state && poll.state !== 'open') return;
      continue;
    }
    const { id, action, params } = poll.request;
    let answer: { reply: string } | { failed: string } | { unanswered: string };
    try {
      answer = { reply: JSON.stringify(await trigger(action, params)) };
    } catch (error) {
      const message = (error as Error)?.message ?? String(error);
      answer =
        error instanceof SystemUnresponsiveError
          ? { unanswered: message }
          : error instanceof TriggerError
            ? { failed: message }
            : { failed: `The trigger failed: ${message}` };
    }
    try {
      await client.post(`/api/runs/${runId}/trigger/${encodeURIComponent(id)}`, answer, signal);
    } catch (error) {
      // 409: the server stopped waiting for this answer (timed out, run ended); the next poll says which.
      if (!(error instanceof ServiceRefused && error.status === 409)) throw error;
    }
  }
}

/** Follows the run's progress events; resolves to the state the run ended in. */
export async function followEvents(
  client: ServiceClient,
  runId: string,
  onEvent: (event: RunEvent) => void,
  signal?: AbortSignal,
): Promise<string> {
  let after = 0;
  for (;;) {
    const page = await client.poll<{ events: RunEvent[]; next: number; state: string }>(
      `/api/runs/${runId}/events?after=${after}`,
      signal,
    );
    for (const event of page.events) onEvent(event);
    after = page.next;
    if (page.state !== 'open') return page.state;
  }
}
