import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { TLSSocket } from 'node:tls';
import { platformErrors, serviceplatformFault } from '../faults/index.ts';
import { recordedMessage } from '../recorder/exchange-record.ts';
import type { ExchangeRecorder } from '../recorder/exchange-recorder.ts';
import type { Caller, Finding, HttpRoute, PlatformServices, RouteReply, ServiceHandler } from '../service-handler.ts';
import { soapHttpInfo } from './content-type.ts';
import { internalErrorReply } from './internal-error-reply.ts';
import type { PlatformLimits } from './limits.ts';
import { readBody } from './read-body.ts';
import type { Router } from './router.ts';
import { runSoapPipeline } from './soap-pipeline.ts';
import { streamBody } from './stream-body.ts';
import type { TlsGate } from './tls-gate.ts';
import { validateExchange } from './validate-exchange.ts';

export interface HandlerDeps {
  router: Router;
  gate: TlsGate;
  recorder: ExchangeRecorder;
  limits: PlatformLimits;
  platform: () => PlatformServices;
  recording: boolean;
}

interface Outcome {
  status: number;
  contentType: string;
  body: string;
  stream?: AsyncIterable<string>;
  headers?: Record<string, string>;
  record?: {
    integration?: string;
    service?: string;
    operation?: string;
    soapVersion?: '1.1' | '1.2';
    findings: Finding[];
    fault?: { code: string; text: string };
  };
  close?: boolean;
  /** The caller a holder-of-key endpoint proved by the message signature, on a connection without client certificate. */
  provenCaller?: Caller;
}

/** The HTTP request listener: routes, answers, records. Never throws, never leaves a request hanging. */
export function createRequestListener(deps: HandlerDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const socket = req.socket as TLSSocket;
    // Undefined on a connection without client certificate: served on holder-of-key endpoints only.
    const caller = deps.gate.callerOf(socket);
    if (!caller && !deps.gate.isAnonymous(socket)) {
      socket.destroy();
      return;
    }
    // handle() answers a throwing handler or route itself; this is the last resort for a failure
    // around it (e.g. while recording), answered with the platform's fault where still possible.
    handle(deps, req, res, caller).catch((error: unknown) => {
      if (!res.headersSent) send(res, { ...internalErrorReply(undefined, req.headers, error), close: true });
      else if (!res.writableEnded) res.destroy();
    });
  };
}

/** A request as `answer` sees it. */
interface Incoming {
  req: IncomingMessage;
  caller: Caller | undefined;
  method: string;
  path: string;
  query: string;
  read: { body: string; invalidUtf8At?: number } | { tooLarge: true };
  receivedAt: Date;
  handler: ServiceHandler | undefined;
  route: HttpRoute | undefined;
}

async function handle(
  deps: HandlerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  caller: Caller | undefined,
): Promise<void> {
  const started = performance.now();
  const platform = deps.platform();
  const receivedAt = platform.clock();
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const method = req.method ?? 'GET';
  const handler = method === 'POST' ? deps.router.soapHandler(path) : undefined;
  const route = handler ? undefined : deps.router.route(method, path);

  const read = await readBody(req, deps.limits.maxBodyBytes);
  if ('aborted' in read) return;
  const body = 'body' in read ? read.body : '';
  let outcome: Outcome;
  try {
    outcome = await answer(deps, platform, {
      req,
      caller,
      method,
      path,
      query: q < 0 ? '' : url.slice(q + 1),
      read,
      receivedAt,
      handler,
      route,
    });
  } catch (error) {
    // A bug of the platform, not the caller's doing: answered in the endpoint's own form and
    // recorded like any exchange, so the supplier can report it with its time.
    const reply = internalErrorReply(handler, req.headers, error);
    outcome = {
      ...reply,
      record: {
        ...describe(handler),
        ...(reply.soapVersion ? { soapVersion: reply.soapVersion } : {}),
        findings: reply.findings,
        fault: reply.fault,
      },
    };
  }
  // Only a streamed body is waited for: `await` on nothing would still cost a turn of the microtask queue.
  const sending = send(res, outcome);
  if (sending) await sending;
  // Exchanges are the it-system's: of its certificate, or proven by its signature. A request on a
  // connection without certificate that proved no system (refused, unsigned) is recorded for none:
  // recording it under a system it claims would let anyone write into that system's evidence.
  const recordedAs = caller ?? outcome.provenCaller;
  if (deps.recording && outcome.record && recordedAs) {
    // The action as sent, whether or not the handler reads it: a check judges a missing or wrong
    // SOAPAction from the record, not only from the refusals of handlers that compare it.
    const soapAction = handler ? soapHttpInfo(req.headers, true).soapAction : undefined;
    deps.recorder.record({
      id: randomUUID(),
      time: receivedAt.toISOString(),
      systemUuid: recordedAs.systemUuid,
      systemName: recordedAs.systemName,
      ...outcome.record,
      ...(soapAction !== undefined && { soapAction }),
      method,
      path,
      status: outcome.status,
      latencyMs: Math.round((performance.now() - started) * 1000) / 1000,
      request: recordedMessage(req.headers['content-type'] ?? '', body, deps.limits.recordCapBytes),
      response: recordedMessage(outcome.contentType, outcome.body, deps.limits.recordCapBytes),
    });
  }
}

/** What the platform answers: a fault for a body too large, its SOAP service, its HTTP route, or 404/405. May throw (a bug). */
async function answer(deps: HandlerDeps, platform: PlatformServices, incoming: Incoming): Promise<Outcome> {
  const { req, caller, method, path, read, receivedAt, handler, route } = incoming;
  if ('tooLarge' in read) {
    const reply = serviceplatformFault(handler?.soapVersion ?? '1.1', [
      platformErrors.bodyTooLarge(deps.limits.maxBodyBytes),
    ]);
    return {
      ...reply,
      status: 413,
      close: true,
      record: { ...describe(handler), findings: reply.findings, fault: reply.fault },
    };
  }
  const { body, invalidUtf8At } = read;
  if (handler) {
    const xmlLimits = { maxDepth: deps.limits.maxXmlDepth, maxNodes: deps.limits.maxXmlNodes };
    const reply = await runSoapPipeline(
      handler,
      { path, headers: req.headers, body, invalidUtf8At, xmlLimits, caller, receivedAt },
      platform,
    );
    const findings = [...reply.findings, ...validateExchange(platform.validation, handler, reply)];
    const { requestElement: _element, soapVersion, caller: provenCaller, ...answered } = reply;
    // The version the exchange was answered in: an endpoint that also accepts the other version answers in kind.
    return {
      ...answered,
      provenCaller,
      record: { ...describe(handler), soapVersion, operation: reply.operation, findings, fault: reply.fault },
    };
  }
  if (route?.browser) {
    const { caller: provenCaller, ...reply } = await route.handle(
      {
        method,
        path,
        query: new URLSearchParams(incoming.query),
        rawQuery: incoming.query,
        headers: req.headers,
        body,
        caller,
        receivedAt,
      },
      platform,
    );
    return { ...reply, record: reply.record, ...(provenCaller && { provenCaller }) };
  }
  if (route) {
    if (!caller) {
      // Every plain route knows its caller by the certificate only (the exchanges, evidence and REST STS routes).
      const refusal = platformErrors.clientCertificateRequired(`${method} ${path}`);
      return {
        status: 401,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({ code: refusal.code, message: refusal.text }),
      };
    }
    const reply: RouteReply = await route.handle(
      { method, path, query: new URLSearchParams(incoming.query), headers: req.headers, body, caller, receivedAt },
      platform,
    );
    return { ...reply, record: reply.record };
  }
  const known = deps.router.knowsPath(path);
  const error = {
    code: known ? 'MethodNotAllowed' : 'NotFound',
    text: known ? `${method} is not allowed on ${path}; SOAP services take POST.` : `No service at ${path}.`,
  };
  const reply = serviceplatformFault('1.1', [error]);
  // Recorded too: a call to a wrong path is part of what a supplier's system did.
  return {
    ...reply,
    status: known ? 405 : 404,
    headers: known ? { allow: 'POST' } : undefined,
    record: { findings: reply.findings, fault: reply.fault },
  };
}

function describe(handler: ServiceHandler | undefined) {
  return handler
    ? { integration: handler.integration, service: handler.service, soapVersion: handler.soapVersion }
    : {};
}

function send(res: ServerResponse, outcome: Outcome): Promise<void> | void {
  const headers: Record<string, string | number> = {
    'content-type': outcome.contentType,
    ...(outcome.stream ? {} : { 'content-length': Buffer.byteLength(outcome.body, 'utf8') }),
    ...outcome.headers,
  };
  if (outcome.close) headers.connection = 'close';
  res.writeHead(outcome.status, headers);
  if (outcome.stream) return streamBody(res, outcome.stream);
  res.end(outcome.body);
}
