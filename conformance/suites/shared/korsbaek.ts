import type { Catalog } from '../../../catalog/index.ts';
import type { Service } from '../../../catalog/index.ts';

/**
 * Korsbæk Kommune's test data the suites use, as a tester reads it from
 * `klarmeld platform fixtures`. All fictional. Kept here (not imported from the platform)
 * because suites reach the platform only over HTTP, like a supplier.
 */
export const korsbaek = {
  cvr: '11111111',
  /** Ulla Jakobsen, sagsbehandler at Jobcenter Korsbæk (SF1500 Bruger). */
  userUuid: '273e2e2b-8778-44c9-8a65-9af669655990',
  /** A Bruger UUID no fixture has: laes answers "not found". */
  unknownUserUuid: '0d6c1b7e-3f0a-4c55-9e2b-6f1d2a4b5c6d',
  /** A test person the CPR replica knows (fictional). */
  personCpr: '0103701111',
  /** A CPR number no test person has: PersonLookup answers with a fault. */
  unknownCpr: '3112999999',
  /** Jobcenter Korsbæk (SF1500 OrganisationEnhed). */
  unitName: 'Jobcenter Korsbæk',
} as const;

/** A test person of the CPR replica as a system should show it: the name and current address. */
export interface KorsbaekPerson {
  cpr: string;
  firstName: string;
  middleName?: string;
  lastName: string;
  /** Street and house number of the current address, when the person has one. */
  address?: { street: string; houseNumber: string };
}

/**
 * Korsbæk's test persons (conformance/platform/fixtures/persons/korsbaek-persons.yaml, as
 * `klarmeld platform fixtures` lists them): the suites compare what a system shows with them, and
 * name the person a system showed by mistake. korsbaek.test.ts fails when this copy differs.
 */
export const korsbaekPersons: readonly KorsbaekPerson[] = [
  {
    cpr: '0103701111',
    firstName: 'Anne',
    middleName: 'Marie',
    lastName: 'Hansen',
    address: { street: 'Algade', houseNumber: '14' },
  },
  { cpr: '1204681113', firstName: 'Bo', lastName: 'Hansen', address: { street: 'Algade', houseNumber: '14' } },
  { cpr: '2408124117', firstName: 'Emil', lastName: 'Hansen', address: { street: 'Algade', houseNumber: '14' } },
  { cpr: '0709991112', firstName: 'Sofie', lastName: 'Hansen', address: { street: 'Stationsvej', houseNumber: '3B' } },
  { cpr: '1111851226', firstName: 'Lene', lastName: 'Holm', address: { street: 'Bakkevej', houseNumber: '7' } },
  { cpr: '0202301119', firstName: 'Poul', lastName: 'Andersen' },
  { cpr: '3006751116', firstName: 'Mette', lastName: 'Larsen' },
  {
    cpr: '1508421119',
    firstName: 'Jens',
    middleName: 'Peter',
    lastName: 'Christensen',
    address: { street: 'Plejehjemsvej', houseNumber: '1' },
  },
];

/** The user `korsbaek.userUuid` as a system should show it (korsbaek-organisation.yaml). */
export const korsbaekUser = {
  uuid: '273e2e2b-8778-44c9-8a65-9af669655990',
  name: 'Ulla Jakobsen',
  userId: 'ULJA',
} as const;

/** The unit `korsbaek.unitName` (OrganisationEnhed soeg by that name finds it). */
export const korsbaekUnit = { uuid: '8d47b0cf-e86e-4cd4-8a44-107b3d908b62', name: 'Jobcenter Korsbæk' } as const;

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
 * suiteServices(catalog); then this copy goes. Until then korsbaek.test.ts fails when it differs
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
