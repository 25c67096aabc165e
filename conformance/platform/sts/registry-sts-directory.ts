import { X509Certificate } from 'node:crypto';
import type { Catalog } from '../../../catalog/catalog.ts';
import { findService } from '../../../catalog/query.ts';
import type { Registry } from '../registry/registry-types.ts';
import type { StsDirectory } from './sts-directory.ts';

/**
 * The STS's questions answered by the platform's registry and the catalogue. A token's
 * privileges are the agreement's role; KOMBIT's role URIs per service are not public, so the
 * URI names the integration (on the reserved .test domain, so it cannot be mistaken for a real
 * role) in the shape of the one public example
 * (`http://serviceplatformen.serviceplatformen.dk/roles/servicesystemrole/dummy/1`).
 */
export function registryStsDirectory(registry: Registry, catalog: Catalog): StsDirectory {
  return {
    serviceForEntityId(entityId) {
      for (const integration of catalog.integrations) {
        for (const version of integration.versions) {
          const service = version.services.find((s) => s.entityId === entityId);
          if (service) return { integration: integration.id, service: service.name };
        }
      }
      return undefined;
    },
    systemForCertificate(certPem) {
      const system = registry.systemByCertificate(new X509Certificate(certPem));
      return system ? { systemUuid: system.uuid, name: system.name } : undefined;
    },
    agreementFor(systemUuid, service, cvr) {
      const entityId = findService(catalog, service.integration, service.service)?.service.entityId;
      const agreement =
        (entityId && registry.approvedAgreement({ systemUuid, municipalityCvr: cvr, entityId })) ||
        registry.approvedAgreement({ systemUuid, municipalityCvr: cvr, integration: service.integration });
      if (agreement) {
        return {
          ok: true,
          agreementUuid: agreement.uuid,
          privileges: [`http://klarmeld.test/roles/servicesystemrole/${service.integration.toLowerCase()}/1`],
        };
      }
      const pending = registry
        .agreementsOf(systemUuid)
        .find((a) => a.integration === service.integration && a.municipalityCvr === cvr && a.status === 'pending');
      return {
        ok: false,
        reason: pending
          ? `agreement ${pending.uuid} awaits the municipality's approval (klarmeld platform agreement approve ${pending.uuid})`
          : `create one with klarmeld platform agreement add --system ${systemUuid} --service ${service.integration} --municipality ${cvr}`,
      };
    },
  };
}
