import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { recordedMessage, type UnsignedExchange } from '../../recorder/exchange-record.ts';
import type { HttpRoute, PlatformModule, PlatformServices, RouteReply } from '../../service-handler.ts';
import { roleCertificate } from '../../sts/sts-identity.ts';
import { createDeliveryStore, type DeliveryStore } from './delivery-store.ts';
import { MessageError, sendMessage, type Backoff, type MessageDeps } from './send-message.ts';

export const messagesPath = '/klarmeld/messages';

const stores = new WeakMap<DatabaseSync, DeliveryStore>();
function storeOf(db: DatabaseSync): DeliveryStore {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = createDeliveryStore(db)));
  return store;
}

/** The Beskedfordeler's dependencies on a running platform (also used by the CLI on a data directory). */
export async function messageDeps(
  platform: Pick<PlatformServices, 'registry' | 'database' | 'pki' | 'clock'> & { recorder?: unknown },
  backoff?: Backoff,
): Promise<MessageDeps> {
  const identity = await roleCertificate(platform.pki, 'beskedfordeler');
  const onAttempt = recordPushes(platform.recorder);
  return {
    registry: platform.registry,
    store: storeOf(platform.database),
    identity: { certPem: identity.certPem, keyPem: identity.keyPem, caPem: platform.pki.caCertPem },
    clock: platform.clock,
    ...(backoff ? { backoff } : {}),
    ...(onAttempt ? { onAttempt } : {}),
  };
}

/**
 * On a running platform the recorder is the core's ExchangeRecorder, which can also record: each
 * push attempt then becomes a signed exchange of the receiving it-system (evidence that it answered
 * StatusKode 20), visible to it at GET /klarmeld/exchanges. PlatformServices types the recorder as
 * read-only, so this checks for `record` instead of widening the core's interface.
 */
function recordPushes(recorder: unknown): MessageDeps['onAttempt'] {
  const sink = recorder as { record?: (exchange: UnsignedExchange) => void } | undefined;
  if (typeof sink?.record !== 'function') return undefined;
  const record = sink.record.bind(sink);
  return ({ systemUuid, systemName, url, message, attempt, responseBody, responseType }) => {
    const failed = attempt.statusKode !== 20;
    record({
      id: randomUUID(),
      time: attempt.at,
      systemUuid,
      systemName,
      integration: 'SF1461',
      service: 'BeskedFåTilsendt',
      operation: 'ModtagBesked',
      method: 'POST',
      path: url,
      status: attempt.httpStatus ?? 0,
      latencyMs: attempt.latencyMs,
      request: recordedMessage('application/xml; charset=utf-8', message, recordCapBytes),
      response: recordedMessage(responseType, responseBody, recordCapBytes),
      findings: failed
        ? [{ severity: 'error', code: 'push.not-delivered', message: attempt.error ?? 'not delivered' }]
        : [],
      ...(failed ? { fault: { code: 'push.not-delivered', text: attempt.error ?? 'not delivered' } } : {}),
    });
  };
}

const recordCapBytes = 64 * 1024;

const json = (status: number, value: unknown): RouteReply => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});

/**
 * `POST /klarmeld/messages` `{ "type": "<Beskedtype>", "cvr"?: "11111111" }`: the platform pushes
 * a Haendelsesbesked to the calling it-system's callback endpoints (a system can trigger pushes
 * only to itself; `to`, when given, must be the caller). Answers when every endpoint has the
 * message or has used its retries: 200 delivered, 502 not delivered, with every attempt.
 */
function sendRoute(backoff?: Backoff): HttpRoute {
  return {
    method: 'POST',
    path: messagesPath,
    async handle(request, platform) {
      let input: { to?: unknown; type?: unknown; cvr?: unknown };
      try {
        input = JSON.parse(request.body) ?? {};
      } catch {
        return json(400, {
          code: 'message.bad-json',
          message: 'Send JSON: { "type": "<Beskedtype UUID or name>", "cvr": "11111111" }',
        });
      }
      const to = typeof input.to === 'string' ? input.to : request.caller.systemUuid;
      const target = platform.registry.findSystem(to);
      if (target && target.uuid !== request.caller.systemUuid) {
        return json(403, {
          code: 'message.other-system',
          message: "An it-system can trigger pushes to its own callback only; call with that system's certificate.",
        });
      }
      if (typeof input.type !== 'string')
        return json(400, { code: 'message.no-type', message: 'Give the Beskedtype: "type": "<UUID or name>".' });
      try {
        const deliveries = await sendMessage(await messageDeps(platform, backoff), {
          to,
          type: input.type,
          ...(typeof input.cvr === 'string' ? { cvr: input.cvr } : {}),
        });
        return json(deliveries.every((d) => d.status === 'delivered') ? 200 : 502, { deliveries });
      } catch (error) {
        if (error instanceof MessageError) return json(400, { code: error.code, message: error.message });
        throw error;
      }
    },
  };
}

/** `GET /klarmeld/messages?since=<ISO>`: the pushes made to the calling it-system, with every attempt. */
const listRoute: HttpRoute = {
  method: 'GET',
  path: messagesPath,
  async handle(request, platform) {
    return json(200, {
      deliveries: storeOf(platform.database).forSystem(request.caller.systemUuid, request.query.get('since') ?? ''),
    });
  },
};

/** SF1461 Beskedfordeler push (BeskedFåTilsendt), triggered over the admin endpoint or the CLI. */
export function createBeskedfordelerModule(backoff?: Backoff): PlatformModule {
  return { name: 'beskedfordeler', simulates: ['SF1461'], routes: [sendRoute(backoff), listRoute] };
}

export const platformModule: PlatformModule = createBeskedfordelerModule();
