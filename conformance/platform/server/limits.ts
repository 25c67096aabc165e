import { defaultXmlLimits } from './xml-limits.ts';

/** Bounds that keep the platform up and its memory flat whatever a client sends. */
export interface PlatformLimits {
  /** Largest request body accepted; larger ones get 413 and a fault. */
  maxBodyBytes: number;
  /** Time to receive all request headers. */
  headersTimeoutMs: number;
  /** Time to receive the whole request (headers and body): slow clients are cut off after it. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection is kept. */
  keepAliveTimeoutMs: number;
  maxHeaderBytes: number;
  /** Connections of registered systems (past the TLS handshake and the certificate check). */
  maxConnections: number;
  /**
   * Connections that finished their TLS handshake without a client certificate (holder-of-key
   * callers prove themselves by the message signature). Their own budget, so that they can never
   * take the slots of registered systems; past it the oldest is closed.
   */
  maxAnonymousConnections: number;
  /**
   * Connections one client certificate may hold open at once; past it the certificate's oldest
   * is closed, so one registered system cannot take all `maxConnections` from the others.
   */
  maxConnectionsPerCertificate: number;
  /**
   * Connections still in their TLS handshake, with no certificate shown yet. They have their own
   * budget so that they can never take the slots of registered systems; past it the oldest is closed.
   */
  maxPendingHandshakes: number;
  /** Time from accepting a connection to the end of its TLS handshake; slower ones are closed. */
  handshakeTimeoutMs: number;
  /** Bytes of each request and response body kept by the recorder. */
  recordCapBytes: number;
  /** Most bytes of exchanges in one page of `GET /klarmeld/exchanges` (always at least one exchange). */
  exchangesPageBytes: number;
  /** Deepest element nesting of a SOAP request; deeper ones get a MalformedRequest fault before parsing (xml-limits.ts says why). */
  maxXmlDepth: number;
  /** Most nodes (elements, attributes, comments, PIs, CDATA sections, references) of a SOAP request; more get a MalformedRequest fault before parsing. */
  maxXmlNodes: number;
}

export const defaultLimits: PlatformLimits = {
  maxBodyBytes: 2 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 30_000,
  maxHeaderBytes: 16 * 1024,
  maxConnections: 1024,
  maxAnonymousConnections: 256,
  maxConnectionsPerCertificate: 128,
  maxPendingHandshakes: 256,
  handshakeTimeoutMs: 5_000,
  recordCapBytes: 64 * 1024,
  exchangesPageBytes: 1024 * 1024,
  ...defaultXmlLimits,
};
