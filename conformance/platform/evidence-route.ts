/**
 * `POST /klarmeld/evidence/sign`: the platform attests a conformance run (see
 * conformance/evidence/README.md). The caller is the it-system of the client certificate; the
 * platform signs only when every exchange the run relies on was recorded for that it-system,
 * so a supplier can neither borrow another system's evidence nor invent exchanges.
 *
 * The results digest is countersigned as the caller sends it: the platform never sees the
 * results and cannot check them. What the signature proves is that these exchanges of this
 * system happened here; that the document was not edited after signing; and nothing about
 * whether the results are what the exchanges show.
 *
 * Register with one line in modules.ts: `{ name: 'evidence', load: () => import('./evidence-route.ts') }`.
 */
import { signAttestation, type RunAttestationStatement } from '../evidence/index.ts';
import type { HttpRoute, PlatformModule, RouteReply } from './service-handler.ts';

export const evidenceSignPath = '/klarmeld/evidence/sign';

const hex64 = /^[0-9a-f]{64}$/;
const json = (status: number, value: unknown): RouteReply => ({ status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) });

interface SignRequest {
  runId: string;
  resultsDigest: string;
  exchanges: string[];
}

function parseSignRequest(body: string): SignRequest | string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return 'The body is not JSON';
  }
  const { runId, resultsDigest, exchanges } = (value ?? {}) as Partial<SignRequest>;
  if (typeof runId !== 'string' || runId.length === 0 || runId.length > 200) return 'runId must be a non-empty string (at most 200 characters)';
  if (typeof resultsDigest !== 'string' || !hex64.test(resultsDigest)) return 'resultsDigest must be a sha256 digest: 64 lower-case hex digits';
  if (!Array.isArray(exchanges) || !exchanges.every((d) => typeof d === 'string' && hex64.test(d))) {
    return 'exchanges must be a list of sha256 digests (64 lower-case hex digits each)';
  }
  return { runId, resultsDigest, exchanges };
}

export const evidenceRoute: HttpRoute = {
  method: 'POST',
  path: evidenceSignPath,
  async handle(request, platform) {
    const parsed = parseSignRequest(request.body);
    if (typeof parsed === 'string') {
      return json(400, {
        code: 'evidence.bad-request',
        message: `${parsed}. Send {"runId", "resultsDigest", "exchanges"} as built by attestationRequest() in conformance/framework.`,
      });
    }
    const exchanges = [...new Set(parsed.exchanges)].sort();
    const unknown = platform.recorder.unknownDigests(request.caller.systemUuid, exchanges);
    if (unknown.length > 0) {
      return json(409, {
        code: 'evidence.unknown-exchange',
        message: `${unknown.length} of the run's exchanges were not recorded by this platform for ${request.caller.systemName}; the platform attests only its own records of the calling system.`,
        exchanges: unknown,
      });
    }
    const statement: RunAttestationStatement = {
      kind: 'klarmeld.run-attestation/1',
      runId: parsed.runId,
      resultsDigest: parsed.resultsDigest,
      system: { uuid: request.caller.systemUuid, name: request.caller.systemName },
      exchanges,
      signedAt: platform.clock().toISOString(),
    };
    return json(200, signAttestation(statement, (digest) => platform.signer.sign(digest)));
  },
};

export const platformModule: PlatformModule = { name: 'evidence', routes: [evidenceRoute] };
