/**
 * `klarmeld test --service URL` talking to klarmeld server's JSON API: bearer token on every
 * call, JSON both ways. A server that cannot be reached (or fails) is an environment problem
 * (exit 3); a refusal (401, 403, 404, 409 …) is the server's answer to this caller, passed on
 * with the server's own words (exit 2: fix the token, the system or the request).
 *
 * Polls (`poll`: the trigger and event long polls a run makes) try again a few times, with
 * back-off, when the connection drops or a proxy answers 502/503/504: behind a load balancer the
 * instance judging the run may die, and the next try reaches another instance, which answers with
 * the run's end (`run.instance-lost`) instead of the CLI giving up as `server-unreachable`.
 */
import { EnvironmentError } from '../../conformance/framework/index.ts';

export class ServiceRefused extends Error {
  override name = 'ServiceRefused';
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export interface ServiceClient {
  readonly url: string;
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  /** A GET that may be repeated (a long poll): retried on a dropped connection or 502/503/504. */
  poll<T>(path: string, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T>;
}

export interface RetryOptions {
  /** Tries after the first; default 4. */
  retries?: number;
  /** The first pause, doubled after each try; default 250 ms (then 0.5, 1, 2 s). */
  backoffMs?: number;
}

/** What a proxy in front of the server answers when the instance behind it is gone or restarting. */
const proxyStatuses = new Set([502, 503, 504]);

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export function serviceClient(url: string, token: string, retry: RetryOptions = {}): ServiceClient {
  const unreachable = (reason: string, cause?: unknown) =>
    new EnvironmentError(
      'server-unreachable',
      `klarmeld server at ${url} cannot be reached (${reason}). Check --service, and that the server runs.`,
      cause ? { cause } : undefined,
    );
  const call = async <T>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<T> => {
    let response: Response;
    let text: string;
    try {
      response = await fetch(new URL(path, url), {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      });
      // Inside the try: a connection dropped halfway through the answer is one dropped before it.
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw error;
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw unreachable(cause?.code ?? cause?.message ?? (error as Error).message, error);
    }
    let json: ({ code?: string; message?: string } & Record<string, unknown>) | undefined;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    // The server's own 503 carries its code; a proxy's (the instance behind it gone) does not.
    if (proxyStatuses.has(response.status) && json?.code === undefined) {
      throw unreachable(
        `HTTP ${response.status} from what stands in front of it for ${method} ${path}: ${text.slice(0, 200)}`,
      );
    }
    if (!json) {
      throw new EnvironmentError(
        'server-answer',
        `klarmeld server at ${url} answered ${method} ${path} with HTTP ${response.status} and no JSON (${text.slice(0, 200)}): is --service the server's API address?`,
      );
    }
    if (response.status >= 500)
      throw new EnvironmentError(
        'server-failed',
        `klarmeld server failed (${json.code ?? response.status}): ${json.message ?? text.slice(0, 300)}`,
      );
    if (response.status >= 400)
      throw new ServiceRefused(
        response.status,
        json.code ?? `http-${response.status}`,
        `klarmeld server refused (${json.code ?? response.status}): ${json.message ?? text.slice(0, 300)}`,
      );
    return json as T;
  };
  const poll = async <T>(path: string, signal: AbortSignal | undefined): Promise<T> => {
    const retries = retry.retries ?? 4;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await call<T>('GET', path, undefined, signal);
      } catch (error) {
        const unreachable = error instanceof EnvironmentError && error.code === 'server-unreachable';
        if (!unreachable || attempt >= retries || signal?.aborted) {
          if (unreachable && attempt > 0) (error as Error).message += ` (tried ${attempt + 1} times)`;
          throw error;
        }
        await pause((retry.backoffMs ?? 250) * 2 ** attempt, signal);
      }
    }
  };
  return {
    url,
    get: (path, signal) => call('GET', path, undefined, signal),
    poll: (path, signal) => poll(path, signal),
    post: (path, body, signal) => call('POST', path, body, signal),
  };
}
