import type { Finding } from '../service-handler.ts';

/** One side of an exchange as stored: the body is cut at the recorder's cap. */
export interface RecordedMessage {
  contentType: string;
  /** Size of the whole body in bytes (UTF-8). */
  size: number;
  body: string;
  truncated: boolean;
}

/**
 * One exchange with the platform, as the recorder stores and serves it. `digest` and `signature`
 * follow conformance/evidence: digest = exchangeDigest(record), signature = Ed25519 over the digest.
 */
export interface ExchangeRecord {
  id: string;
  /** When the request arrived, ISO 8601. */
  time: string;
  /** The it-system of the client certificate. */
  systemUuid: string;
  systemName: string;
  integration?: string;
  service?: string;
  operation?: string;
  method: string;
  path: string;
  soapVersion?: '1.1' | '1.2';
  /**
   * The action the request named, without quotes: SOAP 1.1's SOAPAction header, SOAP 1.2's `action`
   * parameter of the content type. Absent when the request named none (and on records made before
   * it was kept, whose digest is unchanged: an absent field is not in the canonical form).
   */
  soapAction?: string;
  status: number;
  latencyMs: number;
  request: RecordedMessage;
  response: RecordedMessage;
  findings: Finding[];
  fault?: { code: string; text: string };
  digest: string;
  signature: string;
}

export type UnsignedExchange = Omit<ExchangeRecord, 'digest' | 'signature'>;

/** Cuts a body to `cap` bytes for storage, keeping its full size. */
export function recordedMessage(contentType: string, body: string, cap: number): RecordedMessage {
  const size = Buffer.byteLength(body, 'utf8');
  if (size <= cap) return { contentType, size, body, truncated: false };
  return { contentType, size, body: Buffer.from(body, 'utf8').subarray(0, cap).toString('utf8'), truncated: true };
}
