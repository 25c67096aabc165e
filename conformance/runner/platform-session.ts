import type { AgreementView, PushOutcome } from '../suites/index.ts';
import type { ServiceEndpoint } from './service-urls.ts';

/**
 * The platform a run talks to, however it was reached: started here (embedded) or given by
 * URL (an embedded platform started elsewhere, or KOMBIT's external test environment).
 */
export interface PlatformSession {
  target: 'embedded' | 'external-test';
  baseUrl: string;
  /** PEM text: the CA that signed the platform's server certificate, the system's certificate and key. */
  caPem: string;
  certPem: string;
  keyPem: string;
  /** The same as files, for a system the runner starts. */
  files: { ca: string; cert: string; key: string; callbackCert?: string; callbackKey?: string };
  userSystemUuid: string;
  municipalityCvr: string;
  /** The system's agreements when the runner created them; undefined when it cannot know them. */
  agreements: AgreementView[] | undefined;
  /** The platform-served services of the system's integrations. */
  endpoints: ServiceEndpoint[];
  /** Full URL per catalogue service name; the STS as `sts`. */
  urls: Record<string, string>;
  /** Whether the platform records exchanges the runner can read back (the embedded platform does). */
  recorder: boolean;
  /**
   * Asks the platform's Beskedfordeler to push one message to the system's callback (embedded
   * only): the platform builds and sends it with its own certificate, which never leaves it.
   */
  push?: (request: CallbackPushRequest) => Promise<PushOutcome>;
  stop(): Promise<void>;
}

/** What the runner asks the platform to push (PlatformAdmin.pushMessage without the system, which the session knows). */
export interface CallbackPushRequest {
  url: string;
  messageUuid?: string;
  cvr?: string;
  /** A body instead of the platform's Haendelsesbesked (a malformed one). */
  body?: string;
}
