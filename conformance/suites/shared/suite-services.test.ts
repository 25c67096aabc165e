import { describe, expect, it } from 'vitest';
import { emptyCatalog } from '../../../catalog/index.ts';
import { loadCatalog } from '../../../catalog/index.ts';
import { services, suiteServices } from './suite-services.ts';

describe('the services the suites check the wire against', () => {
  it('are the catalogue’s: names, ServiceUUID, entityIDs and the STS Issue operation', async () => {
    const { catalog } = await loadCatalog();
    expect(suiteServices(catalog)).toEqual({
      personLookup: { name: 'PersonBaseDataExtendedService', serviceUuid: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      sts: { name: 'SecurityTokenService', issue: 'Trust13Issue' },
      bruger: { name: 'Bruger' },
      organisationEnhed: { name: 'OrganisationEnhed' },
      sdi: { name: 'SagDokumentIndeks', entityId: expect.stringMatching(/^http/) },
      organisationEntityId: expect.stringMatching(/^http/),
    });
    // The copy the suites still import must say what the catalogue says.
    expect(services).toEqual(suiteServices(catalog));
  });

  it('names the catalogue file to fix when a service is missing', () => {
    expect(() => suiteServices(emptyCatalog())).toThrow('catalog/data/integrations/SF1520.yaml');
  });
});
