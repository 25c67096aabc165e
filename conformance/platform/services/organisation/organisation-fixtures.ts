import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const status = z.enum(['Aktiv', 'Inaktiv']).default('Aktiv');

/** Korsbæk Kommune's organisation: units, functions and users (SF1500 test data). */
export const organisationFixtures = z.strictObject({
  organisation: z.strictObject({ uuid, name: z.string(), cvr: z.string().regex(/^\d{8}$/) }),
  validFrom: z.string(),
  registeredAt: z.string(),
  units: z.array(
    z.strictObject({
      uuid,
      key: z.string().max(50),
      name: z.string().max(200),
      parent: uuid.optional(),
      status,
      note: z.string().optional(),
    }),
  ),
  functions: z.array(z.strictObject({ uuid, name: z.string(), unit: uuid })),
  users: z.array(
    z.strictObject({
      uuid,
      userId: z.string().max(50),
      name: z.string().max(200),
      unit: uuid,
      functions: z.array(uuid).default([]),
      status,
      note: z.string().optional(),
    }),
  ),
});

export type OrganisationFixtures = z.infer<typeof organisationFixtures>;
export type FixtureUnit = OrganisationFixtures['units'][number];
export type FixtureUser = OrganisationFixtures['users'][number];

export const organisationFixturesPath = fileURLToPath(
  new URL('../../fixtures/organisation/korsbaek-organisation.yaml', import.meta.url),
);

/** Reads and checks the organisation fixtures; throws with zod's message when the file is broken. */
export async function loadOrganisationFixtures(path = organisationFixturesPath): Promise<OrganisationFixtures> {
  return organisationFixtures.parse(parse(await readFile(path, 'utf8')));
}
