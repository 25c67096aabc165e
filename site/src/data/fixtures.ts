import { join } from 'node:path';
import { loadPersonFixtures } from '../../../conformance/platform/index.ts';
import { loadOrganisationFixtures } from '../../../conformance/platform/index.ts';
import type { ExampleFixtures } from './example-values.ts';

/**
 * Korsbæk's test data for the examples, as the platform's `listFixtures()` gives it, read through
 * the platform's own loaders from the fixture files under `root`. Not `listFixtures()` itself: it
 * finds the files from its module's URL, which points into Astro's bundle at build time.
 */
export async function readFixtures(root: string): Promise<ExampleFixtures> {
  const dir = join(root, 'conformance', 'platform', 'fixtures');
  const [people, organisation] = await Promise.all([
    loadPersonFixtures(join(dir, 'persons', 'korsbaek-persons.yaml')),
    loadOrganisationFixtures(join(dir, 'organisation', 'korsbaek-organisation.yaml')),
  ]);
  return {
    municipality: { name: organisation.organisation.name, cvr: people.municipality.cvr },
    persons: people.persons.map((p) => ({
      pnr: p.pnr,
      name: [p.navn.fornavn, p.navn.mellemnavn, p.navn.efternavn].filter(Boolean).join(' '),
    })),
    units: organisation.units.map((u) => ({ uuid: u.uuid, name: u.name })),
    users: organisation.users.map((u) => ({ uuid: u.uuid, userId: u.userId, name: u.name })),
  };
}
