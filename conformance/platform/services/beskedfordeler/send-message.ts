import { randomUUID } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import type { Registry } from '../../registry/registry-types.ts';
import type { Delivery, DeliveryAttempt, DeliveryStore } from './delivery-store.ts';
import { beskedtypeUuid, modtagBeskedInput } from './haendelsesbesked.ts';
import { pushOnce } from './push-once.ts';

/** Bounded exponential back-off: attempt n waits baseMs·2^(n-2) (capped at maxMs) after attempt n-1. */
export interface Backoff {
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: Backoff = { attempts: 5, baseMs: 500, maxMs: 8000 };

export interface MessageDeps {
  registry: Registry;
  store: DeliveryStore;
  /** The platform's client certificate for pushes and its CA. */
  identity: { certPem: string; keyPem: string; caPem: string };
  clock: () => Date;
  backoff?: Backoff;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called after each attempt (the running platform records it as a signed exchange of the system). */
  onAttempt?: (event: {
    systemUuid: string;
    systemName: string;
    url: string;
    message: string;
    attempt: DeliveryAttempt;
    responseBody: string;
    responseType: string;
  }) => void;
}

export interface SendMessageRequest {
  /** The receiving it-system, by UUID or name. */
  to: string;
  /** Beskedtype UUID, or a known name such as Test/TestbeskedType1. */
  type: string;
  /** Authority allowed to receive it (TilladtModtager); Korsbæk by default. */
  cvr?: string;
}

/** Errors are data: a permanent code and a message saying what to do. */
export class MessageError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * SF1461 BeskedFåTilsendt as the Beskedfordeler does it: build a Haendelsesbesked, push it to
 * every callback endpoint the it-system registered, over mutual TLS with the platform's own
 * certificate, and retry with bounded exponential back-off until the system answers StatusKode
 * 20. Every attempt is stored. Resolves with one Delivery per endpoint once each is delivered or
 * has used its attempts.
 */
export async function sendMessage(deps: MessageDeps, req: SendMessageRequest): Promise<Delivery[]> {
  const system = deps.registry.findSystem(req.to);
  if (!system)
    throw new MessageError(
      'message.unknown-system',
      `No it-system ${req.to}. Register it with \`klarmeld platform system add <name> --callback https://…\`.`,
    );
  const beskedtype = beskedtypeUuid(req.type);
  if (!beskedtype)
    throw new MessageError(
      'message.unknown-type',
      `Beskedtype ${req.type} is neither a UUID nor a known name (Test/TestbeskedType1).`,
    );
  const endpoints = deps.registry
    .callbackEndpoints(system.uuid)
    .filter((e) => !e.integration || e.integration === 'SF1461');
  if (endpoints.length === 0) {
    throw new MessageError(
      'message.no-callback',
      `It-system ${system.name} has no callback endpoint. Register one with \`klarmeld platform system add ${system.name} --callback https://…\`.`,
    );
  }
  const backoff = deps.backoff ?? defaultBackoff;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const tls = {
    cert: deps.identity.certPem,
    key: deps.identity.keyPem,
    ca: [deps.identity.caPem, ...rootCertificates],
  };
  return Promise.all(
    endpoints.map(async (endpoint) => {
      const id = randomUUID();
      const beskedId = randomUUID();
      const message = modtagBeskedInput({
        beskedId,
        beskedtype,
        ansvarligAktoer: system.uuid,
        tilladtModtagerCvr: req.cvr ?? '11111111',
        now: deps.clock(),
      });
      deps.store.create({
        id,
        systemUuid: system.uuid,
        url: endpoint.url,
        beskedId,
        beskedtype,
        createdAt: deps.clock().toISOString(),
        message,
      });
      for (let n = 1; n <= backoff.attempts; n++) {
        if (n > 1) await sleep(Math.min(backoff.maxMs, backoff.baseMs * 2 ** (n - 2)));
        const { attempt, responseBody, responseType } = await pushOnce(
          endpoint.url,
          message,
          tls,
          n,
          deps.clock,
          deps.timeoutMs ?? 10_000,
        );
        deps.store.attempt(id, attempt);
        deps.onAttempt?.({
          systemUuid: system.uuid,
          systemName: system.name,
          url: endpoint.url,
          message,
          attempt,
          responseBody,
          responseType,
        });
        if (attempt.statusKode === 20) {
          deps.store.finish(id, 'delivered');
          return deps.store.get(id)!;
        }
      }
      deps.store.finish(id, 'failed');
      return deps.store.get(id)!;
    }),
  );
}
