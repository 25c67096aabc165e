import { Agent, request } from 'undici';
import type { PushOutcome, Pusher } from '../suites/shared/environment.ts';
import { haendelsesbesked } from '../suites/SF1461/haendelsesbesked.ts';
import { statusKodeOf } from '../suites/shared/xml-checks.ts';

/**
 * Delivers Beskedfordeler messages (SF1461 BeskedFåTilsendt) to the system's callback as the
 * embedded platform's Beskedfordeler: over mutual TLS with the platform's `beskedfordeler`
 * certificate, a ModtagBeskedInput holding the Haendelsesbesked. The endpoint's certificate is
 * checked against the platform CA, as KOMBIT checks it against its whitelist of root CAs.
 */
export function callbackPusher(options: { callbackUrl: string; caPem: string; certPem: string; keyPem: string; municipalityCvr: string }): Pusher & { close(): Promise<void> } {
  const agent = new Agent({
    connect: { ca: options.caPem, cert: options.certPem, key: options.keyPem },
  });
  return {
    async push({ messageUuid, body }): Promise<PushOutcome> {
      const payload =
        body ??
        `<?xml version="1.0" encoding="UTF-8"?><sts:ModtagBeskedInput xmlns:sts="urn:oio:sts:1.0.0">${haendelsesbesked({ messageUuid: messageUuid ?? crypto.randomUUID(), cvr: options.municipalityCvr }).replace(/^<\?xml[^>]*\?>\s*/, '')}</sts:ModtagBeskedInput>`;
      try {
        const response = await request(options.callbackUrl, {
          method: 'POST',
          headers: { 'content-type': 'text/xml; charset=utf-8' },
          body: payload,
          dispatcher: agent,
          headersTimeout: 10_000,
          bodyTimeout: 10_000,
        });
        const responseBody = await response.body.text();
        return { status: response.statusCode, responseBody, statusKode: statusKodeOf(responseBody) };
      } catch (error) {
        return { responseBody: '', error: (error as Error).message };
      }
    },
    close: () => agent.close(),
  };
}
