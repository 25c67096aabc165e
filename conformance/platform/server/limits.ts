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
  maxConnections: number;
  /** Bytes of each request and response body kept by the recorder. */
  recordCapBytes: number;
}

export const defaultLimits: PlatformLimits = {
  maxBodyBytes: 2 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 30_000,
  maxHeaderBytes: 16 * 1024,
  maxConnections: 1024,
  recordCapBytes: 64 * 1024,
};
