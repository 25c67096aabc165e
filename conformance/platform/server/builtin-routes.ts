import { signingKeyPath } from '../../evidence/signing-key-path.ts';
import type { HttpRoute, PlatformModule } from '../service-handler.ts';

const json = (status: number, value: unknown) => ({ status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) });

/** The platform's own routes: its public signing key and each it-system's recorded exchanges. */
export const exchangesPath = '/klarmeld/exchanges';

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
 */
const exchanges: HttpRoute = {
  method: 'GET',
  path: exchangesPath,
  async handle(request, platform) {
    const since = request.query.get('since') ?? undefined;
    if (since !== undefined && Number.isNaN(Date.parse(since))) {
      return json(400, { code: 'exchanges.bad-since', message: `since=${since} is not an ISO 8601 time; write e.g. since=2026-01-01T00:00:00Z.` });
    }
    const limit = Number(request.query.get('limit') ?? 100);
    const sinceIso = since === undefined ? undefined : new Date(since).toISOString();
    const list = platform.recorder.exchanges({ systemUuid: request.caller.systemUuid, since: sinceIso, limit: Number.isFinite(limit) ? limit : 100 });
    return json(200, { systemUuid: request.caller.systemUuid, exchanges: list });
  },
};

export const builtinModule: PlatformModule = { name: 'klarmeld', routes: [signingKey, exchanges] };
