import type { KorsbaekOrganisation, KorsbaekUnit, KorsbaekUser } from '../../../../catalog/index.ts';

/**
 * SF1500 Organisation serves Korsbæk's organisation from the catalogue
 * (catalog/data/korsbaek/organisation.yaml); these names are the service's for it.
 */
export type OrganisationFixtures = KorsbaekOrganisation;
export type FixtureUnit = KorsbaekUnit;
export type FixtureUser = KorsbaekUser;
