import type { PushOutcome, Pusher } from '../suites/index.ts';
import type { CallbackPushRequest } from './platform-session.ts';

/**
 * The suites' door to the Beskedfordeler (SF1461 BeskedFåTilsendt): each push is the platform's
 * own, asked of the platform session (PlatformAdmin.pushMessage), which builds the
 * Haendelsesbesked in a ModtagBeskedInput and sends it over mutual TLS with its `beskedfordeler`
 * certificate. The runner holds neither the message builder nor the platform's key.
 */
export function callbackPusher(options: {
  callbackUrl: string;
  municipalityCvr: string;
  push: (request: CallbackPushRequest) => Promise<PushOutcome>;
}): Pusher {
  return {
    push: ({ messageUuid, body }) =>
      options.push({
        url: options.callbackUrl,
        cvr: options.municipalityCvr,
        ...(messageUuid ? { messageUuid } : {}),
        ...(body !== undefined ? { body } : {}),
      }),
  };
}
