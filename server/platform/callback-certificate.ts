/**
 * The server certificate of a system's Beskedfordeler callback endpoint, issued by the server
 * platform's test CA for the callback's host (as the embedded session does): the platform's push
 * checks the endpoint against its CA and host name. Issued once per system and host, then kept.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { issueCertificate } from '../../conformance/platform/index.ts';
import { loadOrCreateCa } from '../../conformance/platform/index.ts';
import { writeOwnerOnly } from '../secret-file.ts';

export async function callbackCertificate(
  platformDir: string,
  system: { uuid: string; name: string },
  host: string,
): Promise<{ certPem: string; keyPem: string }> {
  const dir = join(platformDir, 'callbacks', system.uuid, host.replaceAll(/[^a-zA-Z0-9.-]/g, '_'));
  const certFile = join(dir, 'callback.crt');
  const keyFile = join(dir, 'callback.key');
  if (existsSync(certFile) && existsSync(keyFile))
    return { certPem: await readFile(certFile, 'utf8'), keyPem: await readFile(keyFile, 'utf8') };
  const ca = await loadOrCreateCa(platformDir, new Date());
  const issued = await issueCertificate(ca, {
    subject: `CN=${host}, O=${system.name} callback, C=DK`,
    kind: 'server',
    ...(isIP(host) ? { ips: [host] } : { dnsNames: [host] }),
    now: new Date(),
  });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeOwnerOnly(keyFile, issued.keyPem);
  await writeFile(certFile, issued.certPem);
  return { certPem: issued.certPem, keyPem: issued.keyPem };
}
