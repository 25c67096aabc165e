import type { Catalog } from './catalog.ts';
import type { Integration, IntegrationVersion, Service, SkiSystem } from './schema/index.ts';
import { newestFirst } from './version-order.ts';

export function findIntegration(catalog: Catalog, id: string): Integration | undefined {
  return catalog.integrations.find((i) => i.id === id);
}

/** A system by its id, or by its user system UUID. */
export function findSystem(catalog: Catalog, idOrUuid: string): SkiSystem | undefined {
  return catalog.systems.find((s) => s.id === idOrUuid || s.userSystemUuid === idOrUuid);
}

/**
 * The version a supplier should build against: the newest one 'I drift', else the newest that
 * is not 'Udfaset' (e.g. only a 'Kommende' exists). Undefined when there is none. It may have
 * no `version` number (KOMBIT's number is not in the sources): show that as "not published".
 * A version without a number is as new as its place in the file (see `oldestFirst`).
 */
export function currentVersion(integration: Integration): IntegrationVersion | undefined;
export function currentVersion(catalog: Catalog, integrationId: string): IntegrationVersion | undefined;
export function currentVersion(a: Integration | Catalog, id?: string): IntegrationVersion | undefined {
  const integration = 'integrations' in a ? findIntegration(a, id ?? '') : a;
  if (!integration) return undefined;
  const versions = newestFirst(integration.versions);
  return versions.find((v) => v.lifecycle === 'I drift') ?? versions.find((v) => v.lifecycle !== 'Udfaset');
}

export interface FoundService {
  integration: Integration;
  version: IntegrationVersion;
  service: Service;
}

/**
 * A service of an integration: looked for in the current version first, then in the other
 * versions newest first. Without a name, the first service of that version.
 */
export function findService(catalog: Catalog, integrationId: string, serviceName?: string): FoundService | undefined {
  const integration = findIntegration(catalog, integrationId);
  if (!integration) return undefined;
  const current = currentVersion(integration);
  const order = [...(current ? [current] : []), ...newestFirst(integration.versions).filter((v) => v !== current)];
  for (const version of order) {
    const service =
      serviceName === undefined ? version.services[0] : version.services.find((s) => s.name === serviceName);
    if (service) return { integration, version, service };
  }
  return undefined;
}
