import type { Catalog } from '../../../catalog/index.ts';
import type { Service } from '../../../catalog/index.ts';

/** The services the suites check the wire against, by what the suites call them. */
export interface SuiteServices {
  personLookup: { name: string; serviceUuid: string };
  sts: { name: string; issue: string };
  bruger: { name: string };
  organisationEnhed: { name: string };
  sdi: { name: string; entityId: string };
  organisationEntityId: string;
}

/**
 * The catalogue's entry of a service the embedded platform serves (the one with a local
 * endpoint). Throws naming the YAML file when the catalogue lacks it or the field the suites need.
 */
function served(catalog: Catalog, integration: string, name: string): Service {
  const service = catalog.integrations
    .filter((i) => i.id === integration)
    .flatMap((i) => i.versions.flatMap((v) => v.services))
    .find((s) => s.name === name && s.endpoints.local);
  if (!service)
    throw new Error(
      `The catalogue has no ${integration} ${name} with a local endpoint (catalog/data/integrations/${integration}.yaml).`,
    );
  return service;
}

function required<T>(value: T | undefined, what: string, integration: string): T {
  if (value === undefined)
    throw new Error(`The catalogue gives no ${what} (catalog/data/integrations/${integration}.yaml).`);
  return value;
}

/** The services' names, ServiceUUID, entityIDs and the STS's Issue operation, from the loaded catalogue. */
export function suiteServices(catalog: Catalog): SuiteServices {
  const personLookup = served(catalog, 'SF1520', 'PersonBaseDataExtendedService');
  const sts = served(catalog, 'SF1514', 'SecurityTokenService');
  const bruger = served(catalog, 'SF1500', 'Bruger');
  const organisationEnhed = served(catalog, 'SF1500', 'OrganisationEnhed');
  const sdi = served(catalog, 'SF1470', 'SagDokumentIndeks');
  return {
    personLookup: {
      name: personLookup.name,
      serviceUuid: required(personLookup.serviceUuid, 'serviceUuid of PersonBaseDataExtendedService', 'SF1520'),
    },
    sts: {
      name: sts.name,
      issue: required(
        sts.operations.find((o) => o.soapAction?.endsWith('/RST/Issue'))?.name,
        'WS-Trust Issue operation of SecurityTokenService',
        'SF1514',
      ),
    },
    bruger: { name: bruger.name },
    organisationEnhed: { name: organisationEnhed.name },
    sdi: { name: sdi.name, entityId: required(sdi.entityId, 'entityId of SagDokumentIndeks', 'SF1470') },
    organisationEntityId: required(bruger.entityId, 'entityId of Bruger', 'SF1500'),
  };
}

/**
 * The catalogue's values as the suites read them today: their definitions are built when their
 * module is imported, before any catalogue is loaded.
 * TODO: the runner hands the suites the loaded catalogue (in SuiteEnvironment) and they call
 * suiteServices(catalog); then this copy goes. Until then suite-services.test.ts fails when it differs
 * from the catalogue.
 */
export const services: SuiteServices = {
  personLookup: { name: 'PersonBaseDataExtendedService', serviceUuid: 'e6be2436-bf35-4df2-83fe-925142825dc2' },
  sts: { name: 'SecurityTokenService', issue: 'Trust13Issue' },
  bruger: { name: 'Bruger' },
  organisationEnhed: { name: 'OrganisationEnhed' },
  sdi: { name: 'SagDokumentIndeks', entityId: 'http://entityid.kombit.dk/service/sdi/sagdokumentindeks/6' },
  organisationEntityId: 'http://stoettesystemerne.dk/service/organisation/3',
};
