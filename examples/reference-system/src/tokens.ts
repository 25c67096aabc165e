import { buildIssueRequest, parseIssueResponse, type IssuedToken } from '../../../conformance/clients/tokens/index.ts';
import type { Clock } from './clock.ts';
import type { FaultName } from './faults.ts';
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
  tls: { cert: string; key: string };
  post: (url: string, body: string, contentType: string) => Promise<string>;
  clock: Clock;
  fault: FaultName | undefined;
}): TokenSource {
  const cache = new Map<string, IssuedToken>();

  async function issue(entityId: string): Promise<IssuedToken> {
    const request = buildIssueRequest({
      certPem: options.tls.cert,
      keyPem: options.tls.key,
      entityId,
      cvr: options.cvr,
      to: options.stsUrl,
    });
    const answer = await options.post(options.stsUrl, request, 'application/soap+xml; charset=utf-8');
    const result = parseIssueResponse(answer);
    if (!result.ok) {
      throw new ActionError('token-refused', `The STS refused a token for ${entityId}: ${result.fault.reason || result.fault.code}`);
    }
    cache.set(entityId, result.token);
    return result.token;
  }

  async function get(entityId: string): Promise<IssuedToken> {
    const cached = cache.get(entityId);
    const stillGood = cached && cached.notOnOrAfter.getTime() - RENEW_MARGIN_MS > options.clock.now().getTime();
    if (cached && (stillGood || options.fault === 'expired-token')) return cached;
    return issue(entityId);
  }

  return { get, issue };
}
