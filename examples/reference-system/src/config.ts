import { readFileSync } from 'node:fs';
import type { SystemConnection } from '../../../conformance/runner/index.ts';
import { parseFaults, type Faults } from './faults.ts';

/** Everything the reference system needs to run, read once at start. */
export interface Config {
  connection: SystemConnection;
  tls: { cert: string; key: string; ca: string };
  /** The callback endpoint's own server certificate and key (the FOCES certificate is a client certificate). */
  callbackTls: { cert: string; key: string; ca: string };
  triggerPort: number;
  callbackPort: number;
  faults: Faults;
  /** KLARMELD_CATALOG: the catalogue data folder the interfaces are read from, when not the shipped one. */
  catalogDir?: string;
}

/**
 * Reads the configuration from the environment: KLARMELD_CONNECTION (the JSON file the
 * conformance runner writes), TRIGGER_PORT, CALLBACK_PORT, REFERENCE_SYSTEM_FAULT and KLARMELD_CATALOG.
 */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const file = env.KLARMELD_CONNECTION;
  if (!file)
    throw new Error(
      'Set KLARMELD_CONNECTION to the connection file klarmeld writes (klarmeld test and klarmeld demo do this)',
    );
  const connection = JSON.parse(readFileSync(file, 'utf8')) as SystemConnection;
  return {
    connection,
    tls: {
      cert: readFileSync(connection.tls.cert, 'utf8'),
      key: readFileSync(connection.tls.key, 'utf8'),
      ca: readFileSync(connection.tls.ca, 'utf8'),
    },
    callbackTls: {
      cert: readFileSync(connection.tls.callbackCert ?? connection.tls.cert, 'utf8'),
      key: readFileSync(connection.tls.callbackKey ?? connection.tls.key, 'utf8'),
      ca: readFileSync(connection.tls.ca, 'utf8'),
    },
    triggerPort: Number(env.TRIGGER_PORT ?? 0),
    callbackPort: Number(env.CALLBACK_PORT ?? 0),
    faults: parseFaults(env.REFERENCE_SYSTEM_FAULT),
    ...(env.KLARMELD_CATALOG && { catalogDir: env.KLARMELD_CATALOG }),
  };
}
