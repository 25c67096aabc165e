import type { FileKindName } from './file-kinds.ts';
import type {
  KorsbaekCases,
  KorsbaekClasses,
  KorsbaekOrganisation,
  KorsbaekPerson,
  KorsbaekPersons,
} from './schema/index.ts';

/**
 * Korsbæk Kommune's test data, KOMBIT's imaginary test municipality (CVR 11111111), as the
 * catalogue holds it in korsbaek/: the persons the CPR replica serves (SF1520), the organisation
 * (SF1500), the KLE classes and the cases in the SagDokumentIndeks (SF1470). The platform serves
 * it, the suites compare what a system shows with it and the site lists it: one source, no copies.
 */
export interface KorsbaekTestData {
  persons?: KorsbaekPersons;
  organisation?: KorsbaekOrganisation;
  classes?: KorsbaekClasses;
  cases?: KorsbaekCases;
}

const parts = {
  korsbaekPersons: 'persons',
  korsbaekOrganisation: 'organisation',
  korsbaekClasses: 'classes',
  korsbaekCases: 'cases',
} as const satisfies Partial<Record<FileKindName, keyof KorsbaekTestData>>;

export type KorsbaekKind = keyof typeof parts;

/** The part of Korsbæk's test data a file kind holds, or undefined for the catalogue's other kinds. */
export function korsbaekPartOf(kind: FileKindName): keyof KorsbaekTestData | undefined {
  return (parts as Partial<Record<FileKindName, keyof KorsbaekTestData>>)[kind];
}

/** A test person's name as a person reads it: first, middle and last name. */
export function fullNameOf(person: Pick<KorsbaekPerson, 'navn'>): string {
  return [person.navn.fornavn, person.navn.mellemnavn, person.navn.efternavn].filter(Boolean).join(' ');
}
