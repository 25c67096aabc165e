import { request, type Dispatcher } from 'undici';
import { readCapped, replyLimitBytes, sizeText } from './read-capped.ts';
import {
  parseReply,
  stopAfterSilence,
  SystemUnresponsiveError,
  TriggerError,
  unansweredAdvice,
  type Trigger,
} from './trigger-reply.ts';

export interface HttpTriggerOptions {
  dispatcher?: Dispatcher;
  /** The most of a reply the runner reads (default replyLimitBytes, 256 KiB); more is the supplier's failure. */
  limitBytes?: number;
  /** What the runner knows of the system it started (e.g. that it exited), for the message when it does not answer. */
  systemState?: () => string | undefined;
}

/**
 * A trigger that POSTs `{ action, params }` as JSON to the system's URL (through undici). The
 * whole exchange, reply body included, must end within `timeoutSeconds`; a reply longer than the
 * limit is cut off (the connection closed) and fails the test. No answer at all ends the run as
 * an environment problem (SystemUnresponsiveError), once: later calls fail at once.
 */
export function httpTrigger(url: string, timeoutSeconds: number, options: HttpTriggerOptions = {}): Trigger {
  const limit = options.limitBytes ?? replyLimitBytes;
  return stopAfterSilence(async (action, params) => {
    const unanswered = (error: unknown) => {
      const state = options.systemState?.();
      return new SystemUnresponsiveError(
        `The system's trigger at ${url} gave no answer to "${action}" (${whyUnanswered(error, timeoutSeconds)}).${state ? ` ${state}.` : ''} ` +
          unansweredAdvice(
            timeoutSeconds,
            state
              ? 'What it wrote last says why it stopped.'
              : 'Is the system running, and is trigger.url in the profile right?',
          ),
      );
    };
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action, params }),
        // The signal bounds the whole exchange: a reply that trickles in never ends otherwise.
        signal: AbortSignal.timeout(timeoutSeconds * 1000),
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      });
    } catch (error) {
      throw unanswered(error);
    }
    const what = `${url} answered "${action}" with HTTP ${response.statusCode}`;
    let reply;
    try {
      reply = await readCapped(response.body, limit);
    } catch (error) {
      throw unanswered(error);
    }
    if (reply.over) {
      throw new TriggerError(
        `${what} and a reply of more than ${sizeText(limit)}: klarmeld stopped reading after ${sizeText(reply.received)} and closed the connection. ` +
          `A trigger reply is a small JSON object ({ "ok": true, "result": … }); it began: ${reply.head.slice(0, 200)}`,
      );
    }
    return parseReply(reply.text, what);
  });
}

/** Why an HTTP exchange got no answer, in the words of someone reading the report. */
function whyUnanswered(error: unknown, timeoutSeconds: number): string {
  const { name, code, message } = error as { name?: string; code?: string; message?: string };
  if (
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT'
  ) {
    return `no complete reply within ${timeoutSeconds} s`;
  }
  if (code === 'ECONNREFUSED') return 'connection refused: nothing listens there';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection closed before a complete reply';
  return message ?? String(error);
}
