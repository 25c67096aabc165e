import type { Dispatcher } from 'undici';

/**
 * What the runner hands every suite: the system under test, how to reach the platform as that
 * system (undici with its certificate), and the doors to the system (trigger) and to the
 * platform's recorder and Beskedfordeler. A door that is missing makes the tests that need it
 * skip with the reason, never pass.
 */
export interface SuiteEnvironment {
  target: 'embedded' | 'external-test';
  system: {
    id: string;
    userSystemUuid: string;
    municipalityCvr: string;
    /** The it-system's certificate (PEM) and key: the runner calls the platform as the system. */
    certPem: string;
    keyPem: string;
  };
  platform: {
    baseUrl: string;
    /** undici Agent with the system's certificate and the platform's CA. */
    dispatcher: Dispatcher;
    /** Full URL of each service the system uses, by catalogue service name (and the STS as `sts`). */
    urls: Record<string, string>;
    /** The agreements the system has when the runner created them; undefined when it cannot know them. */
    agreements: AgreementView[] | undefined;
    /** Sends one HTTPS request as the system (taped, so `klarmeld verify` can replay it); default undici with `dispatcher`. */
    call?: (url: string, init: PlatformCallInit) => Promise<PlatformReply>;
  };
  /** The platform's record of the system's exchanges; absent on KOMBIT's external test environment. */
  recorder?: Recorder;
  /** Asks the system to act (its trigger hook, or a person with --interactive). */
  trigger?: (action: string, params: Record<string, unknown>) => Promise<TriggerOutcome>;
  /** Cuts the connections between the system and the platform (only when the runner sits between them). */
  network?: { failNext(count: number): void };
  /** Makes the platform push a Beskedfordeler message to the system's callback (embedded platform only). */
  beskedfordeler?: Pusher;
  /** The system's callback endpoint for Beskedfordeler pushes, from the profile. */
  callbackUrl?: string;
  /** The platform CA (PEM), to reach the callback as the platform would. */
  caPem: string;
  /** The clock, new ids and other readings from outside a check depends on (see world.ts); taped like the doors. */
  world?: World;
}

export interface PlatformCallInit {
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
}

/** What a platform call answered; of the headers only the content type is kept (no check reads another). */
export interface PlatformReply {
  status: number;
  body: string;
  headers: { 'content-type'?: string };
}

export interface World {
  /** Milliseconds since the epoch. */
  now(): number;
  /** A new random UUID (lower case). */
  uuid(): string;
  /** Waits before asking again (the recorder stores an exchange just after answering); a replay does not wait. */
  sleep(ms: number): Promise<void>;
  /** Any other reading of the outside world a check depends on, by kind and what it asks (e.g. a raw TLS probe). */
  observe<T>(kind: string, ask: Record<string, unknown>, live: () => Promise<T>): Promise<T>;
}

export interface AgreementView {
  uuid: string;
  integration: string;
  service: string;
  serviceUuid?: string;
  entityId?: string;
  municipalityCvr: string;
  status: string;
}

/**
 * What the system reported. `observedOnly` (--interactive): a person acted and the platform saw
 * the exchange, but what the system showed its user is unknown to the runner.
 */
export type TriggerOutcome =
  { ok: true; result?: unknown; observedOnly?: boolean } | { ok: false; error: { code: string; message: string } };

/** One exchange as the platform recorded it. */
export interface Exchange {
  id: string;
  time: string;
  integration?: string;
  service?: string;
  operation?: string;
  path?: string;
  method?: string;
  soapVersion?: string;
  contentType?: string;
  soapAction?: string;
  requestBody: string;
  status?: number;
  responseBody: string;
  findings: { severity: string; code: string; message: string }[];
  fault?: { code: string; text: string };
  latencyMs?: number;
  direction?: 'inbound' | 'outbound';
  /** The record exactly as the platform signed it: what a test attaches as evidence. */
  record: unknown;
}

export interface Recorder {
  /** A marker for "now": exchanges after it are the ones a test caused. */
  mark(): Promise<string>;
  /** Exchanges of the system recorded after the marker, oldest first. */
  since(marker: string): Promise<Exchange[]>;
}

export interface PushOutcome {
  status?: number;
  responseBody: string;
  statusKode?: number;
  exchange?: Exchange;
  error?: string;
}

export interface Pusher {
  /** Pushes a message; `body` replaces the generated Haendelsesbesked (to send a malformed one). */
  push(options: { messageUuid?: string; body?: string }): Promise<PushOutcome>;
}
