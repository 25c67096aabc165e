/**
 * `klarmeld test --service URL` talking to klarmeld server's JSON API: bearer token on every
 * call, JSON both ways. A server that cannot be reached (or fails) is an environment problem
 * (exit 3); a refusal (401, 403, 404, 409 …) is the server's answer to this caller, passed on
 * with the server's own words (exit 2: fix the token, the system or the request).
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
  post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T>;
}

export function serviceClient(url: string, token: string): ServiceClient {
  const call = async <T>(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal | undefined): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(new URL(path, url), {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new EnvironmentError('server-unreachable', `klarmeld server at ${url} cannot be reached (${cause?.code ?? cause?.message ?? (error as Error).message}). Check --service, and that the server runs.`, { cause: error });
    }
    const text = await response.text();
    let json: { code?: string; message?: string } & Record<string, unknown>;
    try {
      json = JSON.parse(text);
    } catch {
      throw new EnvironmentError('server-answer', `klarmeld server at ${url} answered ${method} ${path} with HTTP ${response.status} and no JSON (${text.slice(0, 200)}): is --service the server's API address?`);
    }
    if (response.status >= 500) throw new EnvironmentError('server-failed', `klarmeld server failed (${json.code ?? response.status}): ${json.message ?? text.slice(0, 300)}`);
    if (response.status >= 400) throw new ServiceRefused(response.status, json.code ?? `http-${response.status}`, `klarmeld server refused (${json.code ?? response.status}): ${json.message ?? text.slice(0, 300)}`);
    return json as T;
  };
  return {
    url,
    get: (path, signal) => call('GET', path, undefined, signal),
    post: (path, body, signal) => call('POST', path, body, signal),
  };
}
