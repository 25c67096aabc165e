/**
 * entityIDs (token audiences) of the Støttesystem services this platform serves itself, from
 * KOMBIT's samples (facts.md §1.2). The STS accepts these even when the catalogue does not list
 * them yet, and the services check token audiences against them.
 */
export const platformEntityIds = {
  organisation: { entityId: 'http://stoettesystemerne.dk/service/organisation/3', integration: 'SF1500', service: 'Organisation' },
  sagDokumentIndeks: { entityId: 'http://entityid.kombit.dk/service/sdi/sagdokumentindeks/6', integration: 'SF1470', service: 'SagDokumentIndeks' },
} as const;
