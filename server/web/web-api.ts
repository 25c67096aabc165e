/**
 * The web front reads and writes through the JSON API's own route handlers, in-process: one set
 * of rules for who may see and do what, and the same 403 texts in the browser as on the API.
 */
import type { ApiRoute } from '../api/json-api.ts';
import { ApiError } from '../api/api-error.ts';
import type { Identity } from '../store/server-store.ts';

export type CallApi = (
  who: Identity,
  method: 'GET' | 'POST',
  path: string,
  body?: Record<string, unknown>,
) => Promise<any>;

export function apiCaller(routes: readonly ApiRoute[]): CallApi {
  const compiled = routes.map((route) => ({
    route,
    pattern: new RegExp(`^${route.path.replaceAll(/:([a-zA-Z]+)/g, '(?<$1>[^/]+)')}$`),
  }));
  return async (who, method, path, body = {}) => {
    const url = new URL(path, 'http://server');
    for (const { route, pattern } of compiled) {
      const match = route.method === method ? pattern.exec(url.pathname) : null;
      if (!match) continue;
      const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
      return (await route.handle({ who, params, query: url.searchParams, body })).body;
    }
    throw new ApiError(404, 'api.no-route', `No API route ${method} ${url.pathname}.`);
  };
}
