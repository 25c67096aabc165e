import { describe, expect, it } from 'vitest';
import { listFixtures } from '../../../conformance/platform/index.ts';
import { readFixtures } from './fixtures.ts';

const repo = new URL('../../../', import.meta.url).pathname;

describe('Korsbæk’s test data for the examples', () => {
  it('is what the platform lists (klarmeld platform fixtures), read from the repository root', async () => {
    const [site, platform] = await Promise.all([readFixtures(repo), listFixtures()]);
    expect(site).toEqual({
      municipality: platform.municipality,
      persons: platform.persons.map(({ pnr, name }) => ({ pnr, name })),
      units: platform.units.map(({ uuid, name }) => ({ uuid, name })),
      users: platform.users.map(({ uuid, userId, name }) => ({ uuid, userId, name })),
    });
    expect(site.persons[0]).toEqual({ pnr: '0103701111', name: 'Anne Marie Hansen' });
  });
});
