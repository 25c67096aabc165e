/**
 * What klarmeld server hands a registered system, written where the system reads it: the PEM
 * files in a private temporary folder and the connection file (KLARMELD_CONNECTION) naming them,
 * the same file a local run writes.
 */
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SystemConnection } from '../../conformance/runner/index.ts';

export interface Registration {
  platformUrl: string;
  connection: Omit<SystemConnection, 'tls'>;
  tls: { caPem: string; certPem: string; keyPem: string; callbackCertPem?: string; callbackKeyPem?: string };
}

/** Writes the files into `dir` (made by the caller, removed after the run); returns the connection file's path. */
export async function writeConnection(dir: string, registration: Registration): Promise<string> {
  const file = async (name: string, text: string, secret = false) => {
    const path = join(dir, name);
    await writeFile(path, text, { mode: secret ? 0o600 : 0o644 });
    if (secret) await chmod(path, 0o600);
    return path;
  };
  const { tls } = registration;
  const paths = {
    ca: await file('platform-ca.crt', tls.caPem),
    cert: await file('system.crt', tls.certPem),
    key: await file('system.key', tls.keyPem, true),
    ...(tls.callbackCertPem && tls.callbackKeyPem
      ? {
          callbackCert: await file('callback.crt', tls.callbackCertPem),
          callbackKey: await file('callback.key', tls.callbackKeyPem, true),
        }
      : {}),
  };
  const connection: SystemConnection = { ...registration.connection, tls: paths };
  return file('connection.json', JSON.stringify(connection, null, 2));
}
