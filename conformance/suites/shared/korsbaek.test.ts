import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emptyCatalog } from '../../../catalog/index.ts';
import { loadCatalog } from '../../../catalog/index.ts';
import { korsbaek, korsbaekPersons, korsbaekUnit, korsbaekUser, services, suiteServices } from './korsbaek.ts';

describe('the services the suites check the wire against', () => {
  it('are the catalogue’s: names, ServiceUUID, entityIDs and the STS Issue operation', async () => {
    const { catalog } = await loadCatalog();
    expect(suiteServices(catalog)).toEqual({
      personLookup: { name: 'PersonBaseDataExtendedService', serviceUuid: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      sts: { name: 'SecurityTokenService', issue: 'Trust13Issue' },
      bruger: { name: 'Bruger' },
      organisationEnhed: { name: 'OrganisationEnhed' },
      sdi: { name: 'SagDokumentIndeks', entityId: expect.stringMatching(/^http/) },
      organisationEntityId: expect.stringMatching(/^http/),
    });
    // The copy the suites still import must say what the catalogue says.
    expect(services).toEqual(suiteServices(catalog));
  });

  it('names the catalogue file to fix when a service is missing', () => {
    expect(() => suiteServices(emptyCatalog())).toThrow('catalog/data/integrations/SF1520.yaml');
  });
});

describe("Korsbæk's test data the suites compare what a system shows with", () => {
  const fixture = async (file: string) =>
    parse(await readFile(new URL(`../../platform/fixtures/${file}`, import.meta.url), 'utf8'));

  it('is the data the embedded platform serves: every test person, name and current address', async () => {
    type Person = {
      pnr: string;
      navn: { fornavn: string; mellemnavn?: string; efternavn: string };
      adresse?: { vejnavn: string; husnummer: string | number };
    };
    const { persons } = (await fixture('persons/korsbaek-persons.yaml')) as { persons: Person[] };
    expect(korsbaekPersons).toEqual(
      persons.map((p) => ({
        cpr: p.pnr,
        firstName: p.navn.fornavn,
        ...(p.navn.mellemnavn ? { middleName: p.navn.mellemnavn } : {}),
        lastName: p.navn.efternavn,
        ...(p.adresse ? { address: { street: p.adresse.vejnavn, houseNumber: String(p.adresse.husnummer) } } : {}),
      })),
    );
    expect(korsbaekPersons.map((p) => p.cpr)).toContain(korsbaek.personCpr);
    expect(korsbaekPersons.map((p) => p.cpr)).not.toContain(korsbaek.unknownCpr);
  });

  it('names the user and the unit as the organisation fixture does', async () => {
    const organisation = (await fixture('organisation/korsbaek-organisation.yaml')) as {
      users: { uuid: string; name: string; userId: string }[];
      units: { uuid: string; name: string }[];
    };
    expect(organisation.users.find((u) => u.uuid === korsbaek.userUuid)).toMatchObject(korsbaekUser);
    expect(organisation.units.find((u) => u.name === korsbaek.unitName)).toMatchObject(korsbaekUnit);
  });
});
