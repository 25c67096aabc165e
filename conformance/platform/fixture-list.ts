import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadPersonFixtures } from './services/cpr/person-fixtures.ts';

export interface FixtureList {
  municipality: { name: string; cvr: string };
  persons: { pnr: string; name: string; special: string }[];
  units: { uuid: string; name: string; note?: string }[];
  users: { uuid: string; userId?: string; name?: string; note?: string }[];
  notice: string;
}

const organisationFile = fileURLToPath(new URL('./fixtures/organisation/korsbaek-organisation.yaml', import.meta.url));

/**
 * The test data a tester can use on the platform: Korsbæk's persons (SF1520) and, when present,
 * its organisation (SF1500). A read API: `klarmeld platform fixtures` prints it, the site can show it.
 */
export async function listFixtures(): Promise<FixtureList> {
  const persons = await loadPersonFixtures();
  const org = existsSync(organisationFile)
    ? (parse(await readFile(organisationFile, 'utf8')) as Record<string, unknown>)
    : {};
  const list = (key: string) => (Array.isArray(org[key]) ? (org[key] as Record<string, unknown>[]) : []);
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    municipality: { name: 'Korsbæk Kommune', cvr: persons.municipality.cvr },
    persons: persons.persons.map((p) => ({
      pnr: p.pnr,
      name: [p.navn.fornavn, p.navn.mellemnavn, p.navn.efternavn].filter(Boolean).join(' '),
      special: p.special,
    })),
    units: list('units').map((u) => ({ uuid: String(u.uuid), name: String(u.name), note: text(u.note) })),
    users: list('users').map((u) => ({
      uuid: String(u.uuid),
      userId: text(u.userId) ?? text(u.brugervendtNoegle) ?? text(u.key),
      name: text(u.name),
      note: text(u.note),
    })),
    notice:
      'All persons, CPR numbers, units and users are fictional test data. Any other PNR answers "person not found".',
  };
}
