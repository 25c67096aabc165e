import type { Catalog } from '../../../catalog/index.ts';
import { currentVersion, findService } from '../../../catalog/index.ts';
import { PlatformAdminError } from './admin-error.ts';

export interface ResolvedService {
  integration: string;
  service: string;
  serviceUuid?: string;
  entityId?: string;
}

/**
 * The service an agreement is for, from what a user types: an SF number (`SF1520`, its first
 * platform-served service), `SF1500/Bruger`, a service name (`PersonBaseDataExtendedService`), or a
 * ServiceUUID (one version of a service).
 * ServiceUUID and entityID always come from the catalogue.
 */
export function resolveService(catalog: Catalog, text: string): ResolvedService {
  // A ServiceUUID names one service version exactly (SF1520's PersonBaseDataExtendedService v4 and v5 share a name).
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) {
    for (const integration of catalog.integrations)
      for (const version of integration.versions)
        for (const service of version.services) {
          if (service.serviceUuid === text.toLowerCase())
            return {
              integration: integration.id,
              service: service.name,
              serviceUuid: service.serviceUuid,
              ...(service.entityId && { entityId: service.entityId }),
            };
        }
  }
  const [first = '', second] = text.split('/');
  const id = first.toUpperCase();
  if (/^SF\d/.test(id)) {
    const named = second ? findService(catalog, id, second) : undefined;
    const found = named
      ? {
          integration: id,
          service: named.service.name,
          serviceUuid: named.service.serviceUuid,
          entityId: named.service.entityId,
        }
      : second
        ? undefined
        : firstIdentifiedService(catalog, id);
    if (!found)
      throw new PlatformAdminError(
        'platform.unknown-service',
        `The catalogue has no service ${text}. Run \`klarmeld catalog show ${id}\` to see its services.`,
      );
    return found;
  }
  for (const integration of catalog.integrations) {
    const version = currentVersion(integration);
    const service = version?.services.find((s) => s.name.toLowerCase() === text.toLowerCase());
    if (service)
      return {
        integration: integration.id,
        service: service.name,
        serviceUuid: service.serviceUuid,
        entityId: service.entityId,
      };
  }
  throw new PlatformAdminError(
    'platform.unknown-service',
    `No integration or service named ${text} in the catalogue. Give an SF number (e.g. SF1520) or a service name (e.g. PersonBaseDataExtendedService).`,
  );
}

function firstIdentifiedService(catalog: Catalog, id: string): ResolvedService | undefined {
  const integration = catalog.integrations.find((i) => i.id === id);
  const version = integration && currentVersion(integration);
  if (!integration || !version) return undefined;
  const service =
    version.services.find((s) => s.provider !== 'supplier' && (s.serviceUuid || s.entityId)) ?? version.services[0];
  return (
    service && { integration: id, service: service.name, serviceUuid: service.serviceUuid, entityId: service.entityId }
  );
}
