import { X509Certificate } from 'node:crypto';
import type { Catalog } from '../../../catalog/index.ts';
import { findService } from '../../../catalog/index.ts';
import type { Registry } from '../registry/registry-types.ts';
import { servicePrivilege } from './service-privilege.ts';
import type { StsDirectory } from './sts-directory.ts';

/**
 * The STS's questions answered by the platform's registry and the catalogue. A token's
 * privileges are the agreement's role (see service-privilege.ts for its URI). The registry keeps
 * no data restrictions (dataafgrænsninger) on agreements, so the role carries no Constraint, like
 * the Serviceplatformen role of KOMBIT's external test token.
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
          privileges: [servicePrivilege(entityId ?? agreement.entityId ?? '', service.integration)],
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
