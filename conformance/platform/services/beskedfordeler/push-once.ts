import { Agent, request } from 'undici';
import xpath from 'xpath';
import { parseSafeXml } from '../../server/safe-xml.ts';
import { defaultXmlLimits } from '../../server/xml-limits.ts';
import type { DeliveryAttempt } from './delivery-store.ts';

/**
 * The most of a callback's answer the platform reads. A ModtagBeskedOutput is a StandardRetur of a
 * few hundred bytes; a system that answers without end must not fill the platform's memory.
 */
export const maxAnswerBytes = 256 * 1024;

/** The answer's text, cut at maxAnswerBytes (the rest is not read: the stream is destroyed), and how much came. */
async function readAnswer(
  body: AsyncIterable<Buffer> & { destroy(): void },
): Promise<{ text: string; truncated: boolean; received: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > maxAnswerBytes) {
      body.destroy();
      return {
        text: Buffer.concat(chunks).subarray(0, maxAnswerBytes).toString('utf8'),
        truncated: true,
        received: size,
      };
    }
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false, received: size };
}

const kib = (bytes: number) => `${Number((bytes / 1024).toFixed(1))} KiB`;

/** StandardRetur/StatusKode of an answer, parsed with the same limits as any request the platform reads. */
function statusKodeOf(text: string): number | undefined {
  const parsed = parseSafeXml(text, { maxDepth: defaultXmlLimits.maxXmlDepth, maxNodes: defaultXmlLimits.maxXmlNodes });
  if (!('document' in parsed)) return undefined;
  const value = xpath.select(
    "string(//*[local-name()='StandardRetur']/*[local-name()='StatusKode'])",
    parsed.document as unknown as Node,
  );
  return typeof value === 'string' && value.trim() !== '' ? Number(value) : undefined;
}

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
  /** Why the answer could not be read at all (no connection, TLS, time-out, too long); absent when it was read. */
  unread?: string;
}

export async function pushOnce(
  url: string,
  xml: string,
  tls: PushTls,
  attempt: number,
  now: () => Date,
  timeoutMs: number,
): Promise<PushResult> {
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
      // Bounds the whole exchange, answer included: an answer that trickles in never ends otherwise.
      signal: AbortSignal.timeout(timeoutMs),
    });
    const { text, truncated, received } = await readAnswer(res.body);
    const statusKode = truncated ? undefined : statusKodeOf(text);
    const tooLong = `the callback answered with more than ${kib(maxAnswerBytes)} (HTTP ${res.statusCode}): the Beskedfordeler stopped reading after ${kib(received)} and closed the connection; a ModtagBeskedOutput is a short StandardRetur`;
    const error = truncated
      ? tooLong
      : statusKode === 20
        ? undefined
        : statusKode === undefined
          ? `the answer (HTTP ${res.statusCode}) holds no StandardRetur/StatusKode`
          : `the system answered StatusKode ${statusKode}`;
    const contentType = res.headers['content-type'];
    return {
      attempt: {
        attempt,
        at,
        httpStatus: res.statusCode,
        ...(statusKode !== undefined ? { statusKode } : {}),
        ...(error ? { error } : {}),
        latencyMs: latency(),
      },
      responseBody: text,
      responseType: Array.isArray(contentType) ? (contentType[0] ?? '') : (contentType ?? ''),
      ...(truncated ? { unread: tooLong } : {}),
    };
  } catch (cause) {
    const e = cause as { code?: string; message?: string };
    const error = `${e.code ?? 'error'}: ${e.message ?? String(cause)}`;
    return { attempt: { attempt, at, error, latencyMs: latency() }, responseBody: '', responseType: '', unread: error };
  } finally {
    await agent.close().catch(() => undefined);
  }
}
