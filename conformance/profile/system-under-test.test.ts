import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { parseProfile } from './load-profile.ts';
import { ProfileError } from './problem.ts';
import { systemUnderTest } from './system-under-test.ts';

let catalog: Catalog;
beforeAll(async () => {
  catalog = (await loadCatalog()).catalog;
});

const resolve = (yaml: string) => systemUnderTest(catalog, parseProfile(yaml, 'klarmeld.yaml'), 'klarmeld.yaml');
const problemsOf = (yaml: string) => {
  try {
    resolve(yaml);
  } catch (error) {
    if (error instanceof ProfileError) return error.problems;
    throw error;
  }
  return [];
};

const acme = (integrations: string, extra = '') =>
  `system:\n  id: acme-journal\n  name: Acme Journal\n  supplier: "12345678"\n${extra}  integrations:\n${integrations}`;

describe('the system a profile describes', () => {
  it('is tested outside the catalogue, for the integrations it names and what they need', () => {
    const system = resolve(
      acme('    - id: SF1500\n      operations: [laes]\n    - id: SF1520\n', '  areas: [Y65]\n  useCases: [Y65.I.1]\n'),
    );
    expect(system).toMatchObject({ id: 'acme-journal', name: 'Acme Journal', supplier: '12345678', listed: false });
    // SF1500 is called with SF1514's tokens: its suite runs too.
    expect(system.integrations).toEqual(['SF1500', 'SF1514', 'SF1520']);
    expect(system.userSystemUuid).toBeUndefined();
  });

  it('names every integration, operation, area and use case the catalogue does not know', () => {
    const problems = problemsOf(
      acme(
        '    - id: SF9999\n    - id: SF1520\n      operations: [PersonLookup, PersonSearch]\n',
        '  areas: [Y99]\n  useCases: [Y65.X.9]\n',
      ),
    );
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['profile-not-in-catalogue', 'system.areas.0'],
      ['profile-not-in-catalogue', 'system.useCases.0'],
      ['profile-not-in-catalogue', 'system.integrations.0.id'],
      ['profile-not-in-catalogue', 'system.integrations.1.operations.1'],
    ]);
    expect(problems[3]?.message).toContain('its operations: PersonLookup');
  });

  it('cannot take a catalogue id for another supplier, nor re-scope a catalogue system', () => {
    const [problem] = problemsOf(
      'system:\n  id: reference-system\n  name: Mine\n  supplier: "12345678"\n  integrations:\n    - id: SF1520\n',
    );
    expect(problem).toMatchObject({ code: 'profile-catalogue-mismatch', field: 'system.supplier' });
    expect(problem?.message).toContain('99990006');
    // With the catalogue's supplier it is the catalogue system: its UUID, its requirements, not the profile's one integration.
    const listed = resolve(
      'system:\n  id: reference-system\n  name: Mine\n  supplier: "99990006"\n  integrations:\n    - id: SF1520\n',
    );
    expect(listed).toMatchObject({
      listed: true,
      name: 'klarmeld referencesystem',
      userSystemUuid: '9577de43-54b4-4a8d-9ec4-b871ca32fba8',
    });
    expect(listed.integrations).toEqual(expect.arrayContaining(['SF1500', 'SF1470', 'SF1461', 'SF1520', 'SF1514']));
  });

  it('reads a catalogue system by id as before, and sends an unknown id to klarmeld init', () => {
    expect(resolve('system: reference-system\n')).toMatchObject({ id: 'reference-system', listed: true });
    const [problem] = problemsOf('system: acme-journal\n');
    expect(problem?.message).toContain('klarmeld init');
  });

  it('asks for at least one integration', () => {
    expect(() =>
      parseProfile('system:\n  id: a\n  name: A\n  supplier: "12345678"\n  integrations: []\n', 'k.yaml'),
    ).toThrow(/at least one integration/);
  });
});
