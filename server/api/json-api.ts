/**
 * The JSON API's HTTP plumbing: bearer-token authentication on every /api route (401 without a
 * known token), JSON bodies in and out, routes matched by method and path pattern, and errors as
 * `{ code, message }` with their status. Routes are plain functions of the caller and request.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Identity, ServerStore } from '../store/server-store.ts';
import { hashToken } from '../tokens.ts';
import { ApiError, badRequest } from './api-error.ts';

export interface ApiRequest {
  who: Identity;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body ({} when there is none). */
  body: Record<string, unknown>;
  /** The request as it came (path with query, headers): another instance may have to answer it (server/cluster/). */
  raw?: { path: string; headers: IncomingHttpHeaders };
}

export interface ApiRoute {
  method: 'GET' | 'POST';
  /** A path with `:name` segments, e.g. `/api/runs/:id/trigger`. */
  path: string;
  handle(request: ApiRequest): Promise<{ status?: number; body: unknown }>;
}

const bodyLimit = 1024 * 1024;

function compile(path: string): RegExp {
  return new RegExp(`^${path.replaceAll(/:([a-zA-Z]+)/g, '(?<$1>[^/]+)')}$`);
}

export function jsonApi(store: ServerStore, routes: ApiRoute[]): (req: IncomingMessage, res: ServerResponse) => void {
  const compiled = routes.map((route) => ({ route, pattern: compile(route.path) }));
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://server');
      const candidates = compiled.map((c) => ({ ...c, match: c.pattern.exec(url.pathname) })).filter((c) => c.match);
      const found = candidates.find((c) => c.route.method === req.method);
      if (candidates.length === 0)
        throw new ApiError(
          404,
          'api.no-route',
          `No API route ${url.pathname}. The API lives under /api: see GET /api/whoami.`,
        );
      if (!found)
        throw new ApiError(
          405,
          'api.method',
          `${url.pathname} answers ${candidates.map((c) => c.route.method).join(', ')}, not ${req.method}.`,
        );
      const who = await authenticate(store, req.headers.authorization);
      const body = req.method === 'POST' ? await readJson(req) : {};
      const params = Object.fromEntries(
        Object.entries(found.match!.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]),
      );
      return found.route.handle({
        who,
        params,
        query: url.searchParams,
        body,
        raw: { path: req.url ?? '/', headers: req.headers },
      });
    })().then(
      (answer) => send(res, answer.status ?? 200, answer.body),
      (error: unknown) => {
        if (error instanceof ApiError) return send(res, error.status, error.toJSON());
        send(res, 500, {
          code: 'api.internal',
          message: `The server failed: ${(error as Error)?.message ?? String(error)}. It is still running; tell KOMBIT what you did.`,
        });
      },
    );
  };
}

async function authenticate(store: ServerStore, header: string | undefined): Promise<Identity> {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  const unauthorized = (why: string) =>
    new ApiError(
      401,
      'api.unauthorized',
      `${why}. Send "Authorization: Bearer <token>" with the API token KOMBIT issued you (klarmeld test reads it from --token or KLARMELD_TOKEN).`,
    );
  if (!token) throw unauthorized('The request carries no bearer token');
  const who = await store.identityByTokenHash(hashToken(token));
  if (!who) throw unauthorized('The bearer token is not one this server issued');
  return who;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > bodyLimit)
      throw new ApiError(
        413,
        'api.too-large',
        `The request body is over ${bodyLimit / 1024} KiB; the API takes small JSON objects.`,
      );
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw badRequest('The body must be a JSON object.');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}
