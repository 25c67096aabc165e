import { randomUUID } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import type { ItSystem } from '../../registry/registry-types.ts';
import type { PlatformPki } from '../../service-handler.ts';
import { roleCertificate } from '../../sts/sts-identity.ts';
import { knownBeskedtyper, modtagBeskedInput } from './haendelsesbesked.ts';
import { pushOnce } from './push-once.ts';

/** What a conformance run asks the Beskedfordeler to push once to a system's callback. */
export interface CallbackPush {
  /** The callback endpoint (the system's profile names it; the registered one is the same). */
  url: string;
  /** The BeskedId of the generated message; a new one when absent. */
  messageUuid?: string;
  /** Authority allowed to receive it (TilladtModtager); Korsbæk by default. */
  cvr?: string;
  /** A body to send instead of the generated message: a malformed one, to see the system refuse it. */
  body?: string;
}

/** How the system answered: HTTP status, its answer and StandardRetur/StatusKode, or why there was no answer. */
export interface CallbackPushOutcome {
  status?: number;
  responseBody: string;
  statusKode?: number;
  /** The answer could not be read (no connection, TLS refused, too slow, too long); a StatusKode other than 20 is no error here. */
  error?: string;
}

/**
 * One push of the Beskedfordeler (SF1461 BeskedFåTilsendt) for a conformance run: the
 * Haendelsesbesked the platform builds for `klarmeld platform message send` (test Beskedtype, the
 * system as BeskedAnsvarligAktoer), or the run's own body, sent once over mutual TLS with the
 * platform's `beskedfordeler` certificate, without retries: the run judges each answer itself.
 * The platform's private key never leaves it; the runner asks, through PlatformAdmin.pushMessage.
 */
export async function pushToCallback(
  pki: PlatformPki,
  system: ItSystem,
  push: CallbackPush,
  now: () => Date = () => new Date(),
  timeoutMs = 10_000,
): Promise<CallbackPushOutcome> {
  const identity = await roleCertificate(pki, 'beskedfordeler');
  const message =
    push.body ??
    modtagBeskedInput({
      beskedId: push.messageUuid ?? randomUUID(),
      beskedtype: knownBeskedtyper['Test/TestbeskedType1']!,
      ansvarligAktoer: system.uuid,
      tilladtModtagerCvr: push.cvr ?? '11111111',
      now: now(),
    });
  const tls = { cert: identity.certPem, key: identity.keyPem, ca: [pki.caCertPem, ...rootCertificates] };
  const { attempt, responseBody, unread } = await pushOnce(push.url, message, tls, 1, now, timeoutMs);
  return {
    ...(attempt.httpStatus !== undefined ? { status: attempt.httpStatus } : {}),
    responseBody,
    ...(attempt.statusKode !== undefined ? { statusKode: attempt.statusKode } : {}),
    ...(unread ? { error: unread } : {}),
  };
}
