import { fullNameOf, loadKorsbaek, type KorsbaekTestData } from '../../catalog/index.ts';

export interface FixtureList {
  municipality: { name: string; cvr: string };
  persons: { pnr: string; name: string; special: string }[];
  units: { uuid: string; name: string; note?: string }[];
  users: { uuid: string; userId?: string; name?: string; note?: string }[];
  notice: string;
}

/**
 * The test data a tester can use on the platform: Korsbæk's persons (SF1520) and organisation
 * (SF1500), the catalogue's (default the shipped catalogue's korsbaek/, which `klarmeld platform
 * start` serves). A read API: `klarmeld platform fixtures` prints it.
 */
export async function listFixtures(data?: KorsbaekTestData): Promise<FixtureList> {
  const { persons, organisation } = data ?? (await loadKorsbaek()).korsbaek;
  return {
    municipality: {
      name: organisation?.organisation.name ?? 'Korsbæk Kommune',
      cvr: persons?.municipality.cvr ?? organisation?.organisation.cvr ?? '11111111',
    },
    persons: (persons?.persons ?? []).map((p) => ({ pnr: p.pnr, name: fullNameOf(p), special: p.special })),
    units: (organisation?.units ?? []).map((u) => ({
      uuid: u.uuid,
      name: u.name,
      ...(u.note ? { note: u.note } : {}),
    })),
    users: (organisation?.users ?? []).map((u) => ({
      uuid: u.uuid,
      userId: u.userId,
      name: u.name,
      ...(u.note ? { note: u.note } : {}),
    })),
    notice:
      'All persons, CPR numbers, units and users are fictional test data. Any other PNR answers "person not found".',
  };
}
