import type { Catalog } from '../../catalog/catalog.ts';
import { currentVersion } from '../../catalog/query.ts';

/**
 * Where each service of the given integrations answers: the embedded platform's path on
 * `baseUrl`, or the catalogue's external-test URL. The STS (SF1514's SOAP service) is also `sts`.
 */
export function serviceUrls(catalog: Catalog, integrations: readonly string[], target: 'embedded' | 'external-test', baseUrl: string): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const id of new Set([...integrations, 'SF1514'])) {
    const integration = catalog.integrations.find((i) => i.id === id);
    const version = integration && currentVersion(integration);
    for (const service of version?.services ?? []) {
      if (service.provider === 'supplier') continue;
      const url =
        target === 'embedded'
          ? service.endpoints.local && new URL(service.endpoints.local, baseUrl).href
          : service.endpoints.externalTest;
      if (url && !urls[service.name]) urls[service.name] = url;
      if (url && id === 'SF1514' && service.protocol.startsWith('SOAP') && !urls.sts) urls.sts = url;
    }
  }
  return urls;
}
