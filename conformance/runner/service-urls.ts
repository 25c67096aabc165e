import type { Catalog } from '../../catalog/index.ts';
import { currentVersion } from '../../catalog/index.ts';

/** A platform-served service of the system's integrations, where it answers and its identifiers. */
export interface ServiceEndpoint {
  name: string;
  integration: string;
  url: string;
  serviceUuid?: string;
  entityId?: string;
}

/**
 * Where each service of the given integrations (and the STS) answers: the embedded platform's
 * path on `baseUrl`, or the catalogue's external-test URL.
 */
export function serviceEndpoints(
  catalog: Catalog,
  integrations: readonly string[],
  target: 'embedded' | 'external-test',
  baseUrl: string,
): ServiceEndpoint[] {
  const found: ServiceEndpoint[] = [];
  for (const id of new Set([...integrations, 'SF1514'])) {
    const integration = catalog.integrations.find((i) => i.id === id);
    const version = integration && currentVersion(integration);
    for (const service of version?.services ?? []) {
      if (service.provider === 'supplier' || found.some((f) => f.name === service.name)) continue;
      const url =
        target === 'embedded'
          ? service.endpoints.local && new URL(service.endpoints.local, baseUrl).href
          : service.endpoints.externalTest;
      if (url)
        found.push({
          name: service.name,
          integration: id,
          url,
          serviceUuid: service.serviceUuid,
          entityId: service.entityId,
        });
    }
  }
  return found;
}

/** Full URL per service name; the STS's SOAP endpoint also as `sts`. */
export function serviceUrls(endpoints: readonly ServiceEndpoint[]): Record<string, string> {
  const urls = Object.fromEntries(endpoints.map((e) => [e.name, e.url]));
  const sts = endpoints.find((e) => e.integration === 'SF1514' && /kombittrust/.test(e.url));
  if (sts) urls.sts = sts.url;
  return urls;
}

/** KOMBIT's external test environment has no single base URL: its STS host stands for it. */
export function externalTestOrigin(catalog: Catalog): string | undefined {
  const sts = serviceEndpoints(catalog, ['SF1514'], 'external-test', 'https://invalid').find((e) =>
    /kombittrust/.test(e.url),
  );
  return sts && new URL(sts.url).origin;
}
