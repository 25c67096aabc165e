import type { Catalog } from '../../../catalog/index.ts';
import { sameCertificate } from '../../wire/index.ts';
import { servedService } from '../oioidws/served-service.ts';
import { servicePrivilege } from './service-privilege.ts';
import { defaultIssuer, type StsDirectory, type StsIdentity } from './sts-directory.ts';
import { createTestPki, type KeyPairPem } from './test-pki.ts';

export interface StsTestWorld {
  system: KeyPairPem;
  other: KeyPairPem;
  identity: StsIdentity;
  directory: StsDirectory;
  /** entityIDs from the catalogue: SF1500 Organisation (agreed) and SF1470 SagDokumentIndeks (not agreed). */
  entityIds: { organisation: string; sagDokumentIndeks: string };
}

/**
 * A test world for token tests: one registered system with an approved Organisation agreement
 * for Korsbæk (11111111) whose role is scoped by one data restriction, an unregistered system, and
 * the STS identity. The services and their
 * entityIDs are the catalogue's.
 */
export async function createStsTestWorld(catalog: Catalog): Promise<StsTestWorld> {
  const organisation = servedService(catalog, 'SF1500', 'Bruger', []);
  const sagDokumentIndeks = servedService(catalog, 'SF1470', 'SagDokumentIndeks', []);
  const pki = await createTestPki();
  const system = await pki.issue(
    'C=DK, O=Fagsystem A/S // CVR:12345678, 2.5.4.5=CVR:12345678-FID:10010001+CN=Fagsystem (funktionscertifikat)',
  );
  const other = await pki.issue('C=DK, O=Andet A/S // CVR:87654321, CN=Andet system');
  const sts = await pki.issue('C=DK, O=klarmeld, CN=klarmeld STS (funktionscertifikat)');
  const known = [organisation, sagDokumentIndeks];
  const directory: StsDirectory = {
    serviceForEntityId: (entityId) => {
      const service = known.find((s) => s.entityId === entityId);
      return service && { integration: service.integration, service: service.service };
    },
    systemForCertificate: (certPem) =>
      sameCertificate(certPem, system.certPem)
        ? { systemUuid: '6a4e1b2c-0000-4000-8000-000000000001', name: 'Fagsystem' }
        : undefined,
    agreementFor: (_system, service, cvr) =>
      service.integration === organisation.integration && cvr === '11111111'
        ? {
            ok: true,
            agreementUuid: '6a4e1b2c-0000-4000-8000-0000000000a1',
            privileges: [
              servicePrivilege(organisation.entityId, organisation.integration, [
                { name: 'http://stoettesystemerne.dk/constraints/senavn/1', value: 'true' },
              ]),
            ],
          }
        : { ok: false, reason: 'no agreement' },
  };
  return {
    system,
    other,
    identity: { issuer: defaultIssuer, ...sts },
    directory,
    entityIds: { organisation: organisation.entityId, sagDokumentIndeks: sagDokumentIndeks.entityId },
  };
}
