import { createTestPki, type KeyPairPem } from './test-pki.ts';
import { sameCertificate } from '../../clients/tokens/pem.ts';
import { defaultIssuer, type StsDirectory, type StsIdentity } from './sts-directory.ts';

export const organisationEntityId = 'http://stoettesystemerne.dk/service/organisation/3';
export const sdiEntityId = 'http://entityid.kombit.dk/service/sdi/sagdokumentindeks/6';

export interface StsTestWorld {
  system: KeyPairPem;
  other: KeyPairPem;
  identity: StsIdentity;
  directory: StsDirectory;
}

/**
 * A test world for token tests: one registered system with an approved Organisation agreement
 * for Korsbæk (11111111), an unregistered system, and the STS identity.
 */
export async function createStsTestWorld(): Promise<StsTestWorld> {
  const pki = await createTestPki();
  const system = await pki.issue('C=DK, O=Fagsystem A/S // CVR:12345678, 2.5.4.5=CVR:12345678-FID:1001+CN=Fagsystem (funktionscertifikat)');
  const other = await pki.issue('C=DK, O=Andet A/S // CVR:87654321, CN=Andet system');
  const sts = await pki.issue('C=DK, O=klarmeld, CN=klarmeld STS (funktionscertifikat)');
  const directory: StsDirectory = {
    serviceForEntityId: (entityId) =>
      entityId === organisationEntityId
        ? { integration: 'SF1500', service: 'Bruger' }
        : entityId === sdiEntityId
          ? { integration: 'SF1470', service: 'SagDokumentIndeks' }
          : undefined,
    systemForCertificate: (certPem) =>
      sameCertificate(certPem, system.certPem) ? { systemUuid: '6a4e1b2c-0000-4000-8000-000000000001', name: 'Fagsystem' } : undefined,
    agreementFor: (_system, service, cvr) =>
      service.integration === 'SF1500' && cvr === '11111111'
        ? { ok: true, agreementUuid: '6a4e1b2c-0000-4000-8000-0000000000a1', privileges: ['http://stoettesystemerne.dk/roles/usersystemrole/udstil/1'] }
        : { ok: false, reason: 'no agreement' },
  };
  return { system, other, identity: { issuer: defaultIssuer, ...sts }, directory };
}
