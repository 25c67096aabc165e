/** A top-level field of an operation's input, as the contract declares it. */
export interface ExampleField {
  name: string;
  /** minOccurs ≥ 1: the example must fill it in or say that it cannot. */
  required: boolean;
}

/** What the examples use of Korsbæk's test data on the embedded platform (`klarmeld platform fixtures`). */
export interface ExampleFixtures {
  municipality: { name: string; cvr: string };
  persons: { pnr: string; name: string }[];
  units: { uuid: string; name: string }[];
  users: { uuid: string; userId?: string; name?: string }[];
}

/** A TypeScript literal for a field, and a comment that says which test record it is. */
export interface ExampleValue {
  literal: string;
  note: string;
}

const quoted = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** The first test user, as a value and a note; the InvocationContext's UserUUID uses it too. */
export function testUser(fixtures: ExampleFixtures): ExampleValue | undefined {
  const user = fixtures.users[0];
  return user && { literal: quoted(user.uuid), note: `${user.name ?? user.userId ?? 'a user'}, a Korsbæk test user` };
}

/**
 * A value from Korsbæk's fixtures for an input field, chosen by the field's name (and, for the
 * Organisation's UUIDIdentifikator, by the service: a user for Bruger, a unit for
 * OrganisationEnhed); undefined when the fixtures hold nothing that fits, so the example
 * leaves the field out rather than invent a value the platform would not know.
 */
export function fixtureValue(field: string, service: string, fixtures: ExampleFixtures): ExampleValue | undefined {
  const person = fixtures.persons[0];
  const unit = fixtures.units[0];
  if (/^(PNR|CPR(Nummer)?|PersonCivilRegistrationIdentifier)$/i.test(field)) {
    return person && { literal: quoted(person.pnr), note: `${person.name}, a Korsbæk test person` };
  }
  if (/cvr/i.test(field)) return { literal: quoted(fixtures.municipality.cvr), note: fixtures.municipality.name };
  const wantsUser = /^(User|Bruger)UUID$/i.test(field) || (field === 'UUIDIdentifikator' && /bruger/i.test(service));
  if (wantsUser) return testUser(fixtures);
  const wantsUnit =
    /^(Unit|OrganisationEnhed|Enhed)UUID$/i.test(field) || (field === 'UUIDIdentifikator' && /enhed/i.test(service));
  if (wantsUnit) return unit && { literal: quoted(unit.uuid), note: `${unit.name}, a Korsbæk test unit` };
  return undefined;
}
