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

/** Service names and ids from the catalogue that the suites check the wire against. */
export const services = {
  personLookup: { name: 'PersonBaseDataExtendedService', serviceUuid: 'e6be2436-bf35-4df2-83fe-925142825dc2' },
  sts: { name: 'SecurityTokenService', issue: 'Trust13Issue' },
  bruger: { name: 'Bruger' },
  organisationEnhed: { name: 'OrganisationEnhed' },
  sdi: { name: 'SagDokumentIndeks', entityId: 'http://entityid.kombit.dk/service/sdi/sagdokumentindeks/6' },
  organisationEntityId: 'http://stoettesystemerne.dk/service/organisation/3',
} as const;
