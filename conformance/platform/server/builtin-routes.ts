import { signingKeyPath } from '../../evidence/index.ts';
import type { ExchangePage, ExchangeRecorder } from '../recorder/exchange-recorder.ts';
import type { HttpRoute, PlatformModule } from '../service-handler.ts';

const json = (status: number, value: unknown) => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});

/** The platform's own routes: its public signing key and each it-system's recorded exchanges. */
export const exchangesPath = '/klarmeld/exchanges';

/** Room in a page for what surrounds the exchanges: `{"systemUuid":…,"exchanges":[` … `],"next":…}`. */
const envelopeBytes = 1024;
/** Bytes written before the route lets other requests run. */
const sliceBytes = 64 * 1024;

const signingKey: HttpRoute = {
  method: 'GET',
  path: signingKeyPath,
  async handle(_request, platform) {
    return { status: 200, contentType: 'application/x-pem-file', body: platform.signer.publicKeyPem };
  },
};

/**
 * `GET /klarmeld/exchanges?since=<ISO time>&limit=<n>`: the calling certificate's own exchanges,
 * oldest first, each with its digest and platform signature. One it-system never sees another's.
 * An answer is one page: at most `limit` exchanges (≤ 1000, default 100) and at most `pageBytes`
 * bytes (always at least one exchange); when more follow, `next` is the URL of the next page
 * (the same query with `after=<cursor>`), so following `next` until it is absent gives every
 * exchange once, in order. The page is streamed: no answer is built as one string, and other
 * systems' requests are served between its slices.
 */
function exchangesRoute(recorder: ExchangeRecorder, pageBytes: number): HttpRoute {
  return {
    method: 'GET',
    path: exchangesPath,
    async handle(request) {
      const since = request.query.get('since') ?? undefined;
      if (since !== undefined && Number.isNaN(Date.parse(since))) {
        return json(400, {
          code: 'exchanges.bad-since',
          message: `since=${since} is not an ISO 8601 time; write e.g. since=2026-01-01T00:00:00Z.`,
        });
      }
      const after = request.query.get('after') ?? undefined;
      if (after !== undefined && !/^\d{1,15}$/.test(after)) {
        return json(400, {
          code: 'exchanges.bad-after',
          message: `after=${after} is not a cursor of this route; follow the "next" URL of the previous page as it is.`,
        });
      }
      const limitAsked = Number(request.query.get('limit') ?? 100);
      const limit = Number.isFinite(limitAsked) ? limitAsked : 100;
      const sinceIso = since === undefined ? undefined : new Date(since).toISOString();
      const systemUuid = request.caller.systemUuid;
      const page = recorder.page({
        systemUuid,
        since: sinceIso,
        after: after === undefined ? undefined : Number(after),
        limit,
        maxBytes: pageBytes - envelopeBytes,
      });
      const next = page.next === undefined ? undefined : nextUrl(sinceIso, request.query.get('limit'), page.next);
      return {
        status: 200,
        contentType: 'application/json; charset=utf-8',
        body: '',
        stream: pageJson(recorder, systemUuid, page, next),
      };
    },
  };
}

function nextUrl(since: string | undefined, limit: string | null, after: number): string {
  const query = new URLSearchParams();
  if (since !== undefined) query.set('since', since);
  if (limit !== null) query.set('limit', limit);
  query.set('after', String(after));
  return `${exchangesPath}?${query}`;
}

/** `{ systemUuid, exchanges, next? }` in slices of about `sliceBytes`, each exchange signed as it is written. */
async function* pageJson(
  recorder: ExchangeRecorder,
  systemUuid: string,
  page: ExchangePage,
  next: string | undefined,
): AsyncGenerator<string> {
  let slice = `{"systemUuid":${JSON.stringify(systemUuid)},"exchanges":[`;
  for (const [i, exchange] of page.exchanges.entries()) {
    slice += (i === 0 ? '' : ',') + recorder.servedJson(exchange);
    if (slice.length >= sliceBytes) {
      yield slice;
      slice = '';
      // Let other requests run: a generator's own steps never leave the microtask queue.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  yield `${slice}]${next === undefined ? '' : `,"next":${JSON.stringify(next)}`}}`;
}

/** The platform's own routes, reading `recorder`; a page of exchanges is at most `pageBytes` bytes. */
export function builtinModule(recorder: ExchangeRecorder, options: { pageBytes: number }): PlatformModule {
  return { name: 'klarmeld', routes: [signingKey, exchangesRoute(recorder, options.pageBytes)] };
}
