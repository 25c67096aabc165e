import { join } from 'node:path';
import { fullNameOf, loadKorsbaek } from '../../../catalog/index.ts';
import type { ExampleFixtures } from './example-values.ts';

/**
 * Korsbæk's test data for the examples, read from the catalogue under `root`
 * (catalog/data/korsbaek/, the data the platform serves and `klarmeld platform fixtures` lists).
 * Not from the module's own URL: at build time that points into Astro's bundle. A broken file
 * stops the build with the catalogue's problem (file, line, field), not a page without examples.
 */
export async function readFixtures(root: string): Promise<ExampleFixtures> {
  const { korsbaek, problems } = await loadKorsbaek(join(root, 'catalog', 'data'));
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !korsbaek.persons || !korsbaek.organisation)
    throw new Error(
      `Korsbæk's test data is missing or broken: ${errors.map((p) => `${p.file}:${p.line ?? ''} ${p.message}`).join('; ') || 'catalog/data/korsbaek/ has no persons.yaml or organisation.yaml'}`,
    );
  const { persons, organisation } = korsbaek;
  return {
    municipality: { name: organisation.organisation.name, cvr: persons.municipality.cvr },
    persons: persons.persons.map((p) => ({ pnr: p.pnr, name: fullNameOf(p) })),
    units: organisation.units.map((u) => ({ uuid: u.uuid, name: u.name })),
    users: organisation.users.map((u) => ({ uuid: u.uuid, userId: u.userId, name: u.name })),
  };
}
