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
 * The run names the SKI system it is for (`system`, the profile's catalogue id). The platform
 * signs only when its catalogue binds that id to the calling it-system: a run "for" another
 * supplier's system, made with one's own certificate and exchanges, is refused here (403), and
 * a statement obtained by naming another id in the request names that id, which `verify` and the
 * sheet compare with the run's profile and their own catalogue (framework/system-binding.ts).
 *
 * Register with one line in modules.ts: `{ name: 'evidence', load: () => import('./evidence-route.ts') }`.
 */
import { signAttestation, type RunAttestationStatement } from '../evidence/index.ts';
import type { Catalog } from '../../catalog/index.ts';
import { findSystem } from '../../catalog/index.ts';
import type { HttpRoute, PlatformModule, RouteReply } from './service-handler.ts';

export const evidenceSignPath = '/klarmeld/evidence/sign';

const hex64 = /^[0-9a-f]{64}$/;
const json = (status: number, value: unknown): RouteReply => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});

interface SignRequest {
  runId: string;
  /** The catalogue id of the SKI system the run is for (the run's `profile.system`). */
  system: string;
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
  const { runId, system, resultsDigest, exchanges } = (value ?? {}) as Partial<SignRequest>;
  if (typeof runId !== 'string' || runId.length === 0 || runId.length > 200)
    return 'runId must be a non-empty string (at most 200 characters)';
  if (typeof system !== 'string' || system.length === 0 || system.length > 200)
    return "system must be the catalogue id of the SKI system the run is for (the profile's system)";
  if (typeof resultsDigest !== 'string' || !hex64.test(resultsDigest))
    return 'resultsDigest must be a sha256 digest: 64 lower-case hex digits';
  if (!Array.isArray(exchanges) || !exchanges.every((d) => typeof d === 'string' && hex64.test(d))) {
    return 'exchanges must be a list of sha256 digests (64 lower-case hex digits each)';
  }
  return { runId, system, resultsDigest, exchanges };
}

/**
 * Why the caller may not have a run attested for `claimed`, or undefined when it may: the
 * catalogue gives the claimed id another it-system UUID, or gives the caller's UUID to another
 * system. A system the catalogue does not know either way can be attested (a supplier testing a
 * system KOMBIT has not listed yet); the sheet records runs only for catalogue systems.
 */
function otherSystem(
  catalog: Catalog,
  claimed: string,
  caller: { systemUuid: string; systemName: string },
): string | undefined {
  // Resolved as the sheet resolves a run's system (by id or by it-system UUID): a claim that
  // names another system's UUID is that system's claim, not an unknown one.
  const named = findSystem(catalog, claimed);
  if (named && named.userSystemUuid !== caller.systemUuid) {
    return `The run is for ${named.name} (${named.id}, it-system ${named.userSystemUuid}), but the calling certificate is it-system ${caller.systemUuid} (${caller.systemName}). The platform attests a run only for the system of the calling certificate: run the tests with ${named.id}'s own certificate.`;
  }
  const own = catalog.systems.find((s) => s.userSystemUuid === caller.systemUuid);
  if (own && own !== named) {
    return `The calling certificate is it-system ${caller.systemUuid}, which the catalogue lists as ${own.name} (${own.id}), not ${claimed}. The platform attests a run only for the system of the calling certificate: set "system: ${own.id}" in the profile.`;
  }
  return undefined;
}

export const evidenceRoute: HttpRoute = {
  method: 'POST',
  path: evidenceSignPath,
  async handle(request, platform) {
    const parsed = parseSignRequest(request.body);
    if (typeof parsed === 'string') {
      return json(400, {
        code: 'evidence.bad-request',
        message: `${parsed}. Send {"runId", "system", "resultsDigest", "exchanges"} as built by attestationRequest() in conformance/framework.`,
      });
    }
    const refused = otherSystem(platform.catalog, parsed.system, request.caller);
    if (refused) return json(403, { code: 'evidence.other-system', message: refused });
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
      kind: 'klarmeld.run-attestation/2',
      runId: parsed.runId,
      resultsDigest: parsed.resultsDigest,
      system: { uuid: request.caller.systemUuid, name: request.caller.systemName, id: parsed.system },
      exchanges,
      signedAt: platform.clock().toISOString(),
    };
    return json(
      200,
      signAttestation(statement, (digest) => platform.signer.sign(digest)),
    );
  },
};

export const platformModule: PlatformModule = { name: 'evidence', routes: [evidenceRoute] };
