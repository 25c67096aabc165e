import type { KorsbaekPerson, KorsbaekPersons } from '../../../../catalog/index.ts';

/**
 * The CPR replica serves Korsbæk's test persons from the catalogue (catalog/data/korsbaek/persons.yaml),
 * in the words of the CPR fields they become; these names are the replica's for them.
 */
export type PersonFixtures = KorsbaekPersons;
export type TestPerson = KorsbaekPerson;
