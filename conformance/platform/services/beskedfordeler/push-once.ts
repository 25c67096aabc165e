import { Agent, request } from 'undici';
import { parseXml, textOf } from '../../../clients/tokens/xml.ts';
import type { DeliveryAttempt } from './delivery-store.ts';

export interface PushTls {
  /** The platform's own client certificate and key (role `beskedfordeler`), PEM. */
  cert: string;
  key: string;
  /** CAs trusted for the callback endpoint's server certificate (the platform CA, plus the system's). */
  ca: string[];
}

/**
 * One delivery attempt: POST the ModtagBeskedInput to the callback over mutual TLS and read the
 * StandardRetur StatusKode of the answer. Never throws: a refused connection, a TLS failure or a
 * timeout is an attempt without HTTP status, with the reason in `error`.
 */
export interface PushResult {
  attempt: DeliveryAttempt;
  responseBody: string;
  responseType: string;
}

export async function pushOnce(url: string, xml: string, tls: PushTls, attempt: number, now: () => Date, timeoutMs: number): Promise<PushResult> {
  const at = now().toISOString();
  const started = performance.now();
  const agent = new Agent({ connect: { cert: tls.cert, key: tls.key, ca: tls.ca, timeout: timeoutMs } });
  const latency = () => Math.round(performance.now() - started);
  try {
    const res = await request(url, {
      method: 'POST',
      body: xml,
      headers: { 'content-type': 'application/xml; charset=utf-8' },
      dispatcher: agent,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const text = await res.body.text();
    let statusKode: number | undefined;
    try {
      const value = textOf("//*[local-name()='StandardRetur']/*[local-name()='StatusKode']", parseXml(text));
      statusKode = value === undefined ? undefined : Number(value);
    } catch {
      statusKode = undefined;
    }
    const error =
      statusKode === 20 ? undefined : statusKode === undefined ? `the answer (HTTP ${res.statusCode}) holds no StandardRetur/StatusKode` : `the system answered StatusKode ${statusKode}`;
    const contentType = res.headers['content-type'];
    return {
      attempt: { attempt, at, httpStatus: res.statusCode, ...(statusKode !== undefined ? { statusKode } : {}), ...(error ? { error } : {}), latencyMs: latency() },
      responseBody: text,
      responseType: Array.isArray(contentType) ? (contentType[0] ?? '') : (contentType ?? ''),
    };
  } catch (cause) {
    const e = cause as { code?: string; message?: string };
    return { attempt: { attempt, at, error: `${e.code ?? 'error'}: ${e.message ?? String(cause)}`, latencyMs: latency() }, responseBody: '', responseType: '' };
  } finally {
    await agent.close().catch(() => undefined);
  }
}
