import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../../catalog/index.ts';
import type { SkiSystem } from '../../catalog/index.ts';
import { issueCertificate } from '../platform/index.ts';
import { loadOrCreateCa } from '../platform/index.ts';
import { EnvironmentError } from '../framework/index.ts';
import { CatalogueClashError } from '../platform/index.ts';
import { startPlatform } from '../platform/index.ts';
import { writeSecretFile } from '../platform/index.ts';
import type { PlatformSession } from './platform-session.ts';
import { serviceEndpoints, serviceUrls } from './service-urls.ts';

export interface EmbeddedOptions {
  catalog: Catalog;
  /** The system to register: a catalogue system under its UUID, any other under a new one. */
  system: Pick<SkiSystem, 'name' | 'supplier'> & { userSystemUuid?: string | undefined };
  integrations: string[];
  municipalityCvr: string;
  /** The system's Beskedfordeler callback, registered with the system. */
  callbackUrl?: string;
  /** Where to keep the platform's data; default a fresh temporary directory, removed on stop. */
  dataDir?: string;
  /** The key that signs the evidence (PKCS#8 PEM); default the platform's own, new with each data folder. */
  signingKeyPem?: string;
}

/**
 * Starts the embedded platform on a free port with a fresh data directory, registers the
 * system under its catalogue UUID, or a new one for a system outside the catalogue (which issues
 * its certificate), and creates its agreements
 * with the municipality (approved at once with Korsbæk, as a prøvetilslutning).
 */
export async function startEmbeddedSession(options: EmbeddedOptions): Promise<PlatformSession> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'klarmeld-platform-')));
  const platform = await startPlatform({
    port: 0,
    dataDir,
    catalog: options.catalog,
    ...(options.signingKeyPem ? { signingKeyPem: options.signingKeyPem } : {}),
  }).catch((error: unknown) => {
    // A catalogue the platform will not serve is the environment's problem, not the system's.
    throw error instanceof CatalogueClashError ? new EnvironmentError(error.code, error.message) : error;
  });
  try {
    // The callback's certificate does not depend on the system's registration: its key is made on
    // another thread while the platform issues the system's own (two RSA keys at once, not in turn).
    const callbackHost = options.callbackUrl ? new URL(options.callbackUrl).hostname : undefined;
    const callbackIssued = callbackHost
      ? issueCallbackCertificate(dataDir, options.system.name, callbackHost)
      : undefined;
    // Awaited below; handled here so that a failed registration does not leave it rejected unseen.
    callbackIssued?.catch(() => undefined);
    const added = await platform.admin.addSystem({
      name: options.system.name,
      supplierCvr: options.system.supplier,
      ...(options.system.userSystemUuid ? { uuid: options.system.userSystemUuid } : {}),
      ...(options.callbackUrl ? { callback: options.callbackUrl } : {}),
    });
    const agreements = options.integrations.map((integration) => {
      const a = platform.admin.addAgreement({
        system: added.systemUuid,
        service: integration,
        municipalityCvr: options.municipalityCvr,
      });
      return {
        uuid: a.agreementUuid,
        integration: a.integration,
        service: a.service,
        serviceUuid: a.serviceUuid,
        entityId: a.entityId,
        municipalityCvr: a.municipalityCvr,
        status: a.status,
      };
    });
    const callbackTls = callbackIssued
      ? await writeCallbackCertificate(dataDir, added.systemUuid, await callbackIssued)
      : undefined;
    const [caPem, certPem, keyPem] = await Promise.all([
      readFile(added.ca, 'utf8'),
      readFile(added.cert, 'utf8'),
      readFile(added.key, 'utf8'),
    ]);
    return {
      target: 'embedded',
      baseUrl: platform.url,
      caPem,
      certPem,
      keyPem,
      files: { ca: added.ca, cert: added.cert, key: added.key, ...callbackTls },
      userSystemUuid: added.systemUuid,
      municipalityCvr: options.municipalityCvr,
      agreements,
      endpoints: serviceEndpoints(options.catalog, options.integrations, 'embedded', platform.url),
      urls: serviceUrls(serviceEndpoints(options.catalog, options.integrations, 'embedded', platform.url)),
      recorder: true,
      push: (request) => platform.admin.pushMessage({ system: added.systemUuid, ...request }),
      async stop() {
        // A stop that never settles must not hang the run (or leave its process with nothing to
        // wait on): give the platform a few seconds, then go on.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([platform.stop(), new Promise((resolve) => (timer = setTimeout(resolve, 3000)))]);
        clearTimeout(timer);
        if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await platform.stop();
    throw error;
  }
}

/**
 * The server certificate of the system's callback endpoint, issued by the platform's test CA for
 * the callback's host: KOMBIT's Beskedfordeler checks the endpoint's certificate against the
 * root CAs it trusts (and its host name), and a FOCES system certificate is a client certificate.
 */
async function issueCallbackCertificate(dataDir: string, systemName: string, host: string) {
  const ca = await loadOrCreateCa(dataDir, new Date());
  const isIp = /^[\d.]+$|:/.test(host);
  return issueCertificate(ca, {
    subject: `CN=${host}, O=${systemName} callback, C=DK`,
    kind: 'server',
    ...(isIp ? { ips: [host] } : { dnsNames: [host] }),
    now: new Date(),
  });
}

/** The callback's certificate and key in the data folder, beside the system's. */
async function writeCallbackCertificate(
  dataDir: string,
  systemUuid: string,
  issued: { certPem: string; keyPem: string },
): Promise<{ callbackCert: string; callbackKey: string }> {
  const dir = join(dataDir, 'callbacks', systemUuid);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const callbackCert = join(dir, 'callback.crt');
  const callbackKey = join(dir, 'callback.key');
  await writeFile(callbackCert, issued.certPem);
  await writeSecretFile(callbackKey, issued.keyPem);
  return { callbackCert, callbackKey };
}
