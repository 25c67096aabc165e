import { buildIssueRequest, parseIssueResponse, type IssuedToken } from '../../../conformance/clients/index.ts';
import type { Clock } from './clock.ts';
import type { Faults } from './faults.ts';
import { ActionError } from './trigger-server.ts';

export interface TokenSource {
  /** A token for the service with this entityID: the cached one while it is valid, else a new one. */
  get(entityId: string): Promise<IssuedToken>;
  /** Asks the STS for a new token, whatever the cache holds. */
  issue(entityId: string): Promise<IssuedToken>;
}

/** Renew this long before NotOnOrAfter, so a token never expires on its way to the service. */
const RENEW_MARGIN_MS = 5 * 60_000;

/**
 * SF1514: tokens from the Security Token Service, cached per entityID for their lifetime
 * (8 hours) and renewed five minutes before they expire. The `expired-token` fault keeps
 * using a cached token forever.
 */
export function createTokenSource(options: {
  stsUrl: string;
  cvr: string;
  tls: { cert: string; key: string; ca: string };
  post: (url: string, body: string, contentType: string) => Promise<string>;
  clock: Clock;
  faults: Faults;
}): TokenSource {
  const cache = new Map<string, IssuedToken>();

  async function issue(entityId: string): Promise<IssuedToken> {
    const { faults } = options;
    let request = buildIssueRequest({
      certPem: options.tls.cert,
      keyPem: options.tls.key,
      entityId: faults.has('wrong-applies-to') ? `${entityId.replace(/\/$/, '')}/other` : entityId,
      cvr: faults.has('wrong-municipality') ? '99999999' : options.cvr,
      to: options.stsUrl,
      ...(faults.has('fixed-message-id') ? { messageId: 'urn:uuid:4f1c2d3e-0000-4000-8000-000000000001' } : {}),
    });
    if (faults.has('unbound-token-request')) request = withUseKey(request, options.tls.ca);
    const answer = await options.post(options.stsUrl, request, 'application/soap+xml; charset=utf-8');
    const result = parseIssueResponse(answer);
    if (!result.ok) {
      throw new ActionError(
        'token-refused',
        `The STS refused a token for ${entityId}: ${result.fault.reason || result.fault.code}`,
      );
    }
    cache.set(entityId, result.token);
    return result.token;
  }

  async function get(entityId: string): Promise<IssuedToken> {
    const cached = cache.get(entityId);
    const stillGood = cached && cached.notOnOrAfter.getTime() - RENEW_MARGIN_MS > options.clock.now().getTime();
    if (cached && !options.faults.has('no-token-cache') && (stillGood || options.faults.has('expired-token')))
      return cached;
    return issue(entityId);
  }

  return { get, issue };
}

/** Only for the `unbound-token-request` fault: UseKey carries another certificate than ours. */
function withUseKey(request: string, otherPem: string): string {
  const other = otherPem.replace(/-----[^-]+-----|\s/g, '');
  return request.replace(/(<wst:UseKey><wsse:BinarySecurityToken[^>]*>)[^<]*/, `$1${other}`);
}
