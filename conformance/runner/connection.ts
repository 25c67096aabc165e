/**
 * What the runner tells a system it starts about the platform it is connected to: written as
 * JSON to a file whose path is in the environment variable KLARMELD_CONNECTION. A system that
 * the runner does not start is configured by its own means; this is only a convenience.
 */
export interface SystemConnection {
  target: 'embedded' | 'external-test';
  /** CVR of the municipality the system acts for (Korsbæk Kommune, 11111111, by default). */
  municipalityCvr: string;
  /** The it-system's UUID (UserSystemUUID). */
  userSystemUuid: string;
  /**
   * PEM file paths: the system certificate and key, the CA that signed the platform's server
   * certificate, and the callback endpoint's server certificate and key (when it has a callback).
   */
  tls: { cert: string; key: string; ca: string; callbackCert?: string; callbackKey?: string };
  /** The STS (SF1514) WS-Trust issue endpoint. */
  stsUrl: string;
  /** Per service name (e.g. PersonBaseDataExtendedService, Bruger): where to call it and with which identifiers. */
  services: Record<string, ServiceConnection>;
}

export interface ServiceConnection {
  integration: string;
  url: string;
  serviceUuid?: string;
  entityId?: string;
  agreementUuid?: string;
}

/** Environment variable names the runner sets for a system it starts. */
export const connectionEnv = {
  file: 'KLARMELD_CONNECTION',
  triggerPort: 'TRIGGER_PORT',
  callbackPort: 'CALLBACK_PORT',
} as const;
