import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../../catalog/catalog.ts';
import type { SkiSystem } from '../../catalog/schema/index.ts';
import { startPlatform } from '../platform/server/start-platform.ts';
import type { PlatformSession } from './platform-session.ts';
import { serviceUrls } from './service-urls.ts';

export interface EmbeddedOptions {
  catalog: Catalog;
  system: SkiSystem;
  integrations: string[];
  municipalityCvr: string;
  /** The system's Beskedfordeler callback, registered with the system. */
  callbackUrl?: string;
  /** Where to keep the platform's data; default a fresh temporary directory, removed on stop. */
  dataDir?: string;
}

/**
 * Starts the embedded platform on a free port with a fresh data directory, registers the
 * system under its catalogue UUID (which issues its certificate), and creates its agreements
 * with the municipality (approved at once with Korsbæk, as a prøvetilslutning).
 */
export async function startEmbeddedSession(options: EmbeddedOptions): Promise<PlatformSession> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'klarmeld-platform-')));
  const platform = await startPlatform({ port: 0, dataDir, catalog: options.catalog });
  try {
    const added = await platform.admin.addSystem({
      name: options.system.name,
      supplierCvr: options.system.supplier,
      uuid: options.system.userSystemUuid,
      ...(options.callbackUrl ? { callback: options.callbackUrl } : {}),
    });
    const agreements = options.integrations.map((integration) => {
      const a = platform.admin.addAgreement({ system: added.systemUuid, service: integration, municipalityCvr: options.municipalityCvr });
      return { uuid: a.agreementUuid, integration: a.integration, service: a.service, serviceUuid: a.serviceUuid, entityId: a.entityId, municipalityCvr: a.municipalityCvr, status: a.status };
    });
    const pushIdentity = await platform.services.pki.serviceCertificate('beskedfordeler');
    const [caPem, certPem, keyPem] = await Promise.all([readFile(added.ca, 'utf8'), readFile(added.cert, 'utf8'), readFile(added.key, 'utf8')]);
    return {
      target: 'embedded',
      baseUrl: platform.url,
      caPem,
      certPem,
      keyPem,
      files: { ca: added.ca, cert: added.cert, key: added.key },
      userSystemUuid: added.systemUuid,
      municipalityCvr: options.municipalityCvr,
      agreements,
      urls: serviceUrls(options.catalog, options.integrations, 'embedded', platform.url),
      recorder: true,
      pushAs: { certPem: pushIdentity.certPem, keyPem: pushIdentity.keyPem },
      async stop() {
        await platform.stop();
        if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await platform.stop();
    throw error;
  }
}
