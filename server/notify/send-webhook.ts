/**
 * One attempt to deliver an event to a webhook: a signed JSON POST (Standard Webhooks headers,
 * body `{ type, timestamp, data }`). 2xx is delivered; no redirect is followed (a hook names
 * where it wants its events); 410 Gone means the receiver wants no more, so it is not retried.
 */
import type { DueDelivery } from './notify-store.ts';
import { eventText } from './event-text.ts';
import { webhookHeaders } from './webhook-signature.ts';

export interface SendOutcome {
  ok: boolean;
  /** The HTTP status or the SMTP reply code. */
  status?: number;
  error?: string;
  /** Trying again will not help. */
  permanent?: boolean;
}

/** The body a hook receives; also what the tests and receivers parse. */
export function webhookBody(due: DueDelivery): string {
  const { event } = due;
  return JSON.stringify({
    type: event.type,
    timestamp: event.at,
    data: { ...event.payload, message: eventText(event).body },
  });
}

export async function sendWebhook(due: DueDelivery, now: Date, timeoutMs: number): Promise<SendOutcome> {
  const body = webhookBody(due);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'klarmeld-server',
    ...webhookHeaders(due.subscription.secret ?? '', due.delivery.id, Math.floor(now.getTime() / 1000), body),
  };
  try {
    const response = await fetch(due.subscription.target, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return {
      ok: false,
      status: response.status,
      error: `the receiver answered HTTP ${response.status}`,
      ...(response.status === 410 ? { permanent: true } : {}),
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${timeoutMs / 1000} s`
        : (cause?.code ?? cause?.message ?? (error as Error).message);
    return { ok: false, error: `could not reach the receiver: ${why}` };
  }
}
