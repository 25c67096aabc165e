import { Agent, request } from 'undici';
import type { PushOutcome, Pusher } from '../suites/index.ts';
import { haendelsesbesked } from '../suites/index.ts';
import { statusKodeOf } from '../suites/index.ts';
import { readCapped, replyLimitBytes, sizeText } from './read-capped.ts';

/**
 * Delivers Beskedfordeler messages (SF1461 BeskedFåTilsendt) to the system's callback as the
 * embedded platform's Beskedfordeler: over mutual TLS with the platform's `beskedfordeler`
 * certificate, a ModtagBeskedInput holding the Haendelsesbesked. The endpoint's certificate is
 * checked against the platform CA, as KOMBIT checks it against its whitelist of root CAs.
 */
export function callbackPusher(options: {
  callbackUrl: string;
  caPem: string;
  certPem: string;
  keyPem: string;
  municipalityCvr: string;
}): Pusher & { close(): Promise<void> } {
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
          // Bounds the whole exchange, reply included: a reply that trickles in never ends otherwise.
          signal: AbortSignal.timeout(10_000),
        });
        const reply = await readCapped(response.body);
        if (reply.over) {
          return {
            status: response.statusCode,
            responseBody: reply.head,
            error: `the callback answered with more than ${sizeText(replyLimitBytes)}: the Beskedfordeler stopped reading after ${sizeText(reply.received)} and closed the connection; a reply is one small ModtagBeskedOutput`,
          };
        }
        return { status: response.statusCode, responseBody: reply.text, statusKode: statusKodeOf(reply.text) };
      } catch (error) {
        return { responseBody: '', error: (error as Error).message };
      }
    },
    close: () => agent.close(),
  };
}
