import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadResult } from './catalog.ts';
import { loadCatalog } from './load-catalog.ts';
import { findIntegration } from './query.ts';

/** Every integration in KOMBIT's onboarding sheet and example connection report, and the newer ones (issue 2). */
const listedByKombit = [
  'SF1460_A',
  'SF1460_B',
  'SF1460_C',
  'SF1460_D',
  'SF1470',
  'SF1490',
  'SF1500',
  'SF1510',
  'SF1511',
  'SF1512',
  'SF1514',
  'SF1515',
  'SF1520',
  'SF1590_A',
  'SF1590_B',
  'SF1590_D',
  'SF1590_E',
  'SF1630',
  'SF1690',
  'SF1780',
  'SF2090',
  'SF2093',
  'SF2095',
  'SF2096',
  'SF2900',
  'SF1461',
  'SF1462',
  'SF1472',
  'SF1525',
  'SF1530',
  'SF1600',
  'SF1601',
  'SF1606',
];

let loaded: LoadResult;
beforeAll(async () => {
  loaded = await loadCatalog();
});

describe('the shipped catalogue (catalog/data)', () => {
  it('checks clean: no errors and no warnings', () => {
    const described = loaded.problems.map((p) => `${p.file}:${p.line ?? ''} ${p.code} ${p.path ?? ''} ${p.message}`);
    expect(described).toEqual([]);
  });

  it('has every integration KOMBIT lists, and the SAPA dialog integration', () => {
    const missing = listedByKombit.filter((id) => !findIntegration(loaded.catalog, id));
    expect(missing).toEqual([]);
    expect(loaded.catalog.integrations.some((i) => i.platform === 'SAPA' || /^SAPA/.test(i.id))).toBe(true);
  });

  it('leaves out the version numbers its sources do not give, instead of borrowing a service’s', () => {
    const unnumbered = loaded.catalog.integrations
      .filter((i) => i.versions.some((v) => v.version === undefined))
      .map((i) => i.id);
    expect(unnumbered).toEqual(['SF0101', 'SF1490', 'SF1491', 'SF1510', 'SF1511', 'SF1514', 'SF1515', 'SF1601']);
    expect(findIntegration(loaded.catalog, 'SF1490')!.versions[0]!.services[0]).toMatchObject({
      name: 'YdelsesIndeksService',
      version: '6',
    });
  });

  it('has the 98 municipalities and the test municipality Korsbæk Kommune', () => {
    expect(loaded.catalog.municipalities.filter((m) => !m.test)).toHaveLength(98);
    expect(loaded.catalog.municipalities.find((m) => m.cvr === '11111111')).toMatchObject({ test: true });
  });

  it('has at least 12 example systems across at least 4 service areas, all marked fictional', () => {
    const { systems } = loaded.catalog;
    expect(systems.length).toBeGreaterThanOrEqual(12);
    expect(new Set(systems.flatMap((s) => s.areas)).size).toBeGreaterThanOrEqual(4);
    expect(systems.every((s) => s.fictional)).toBe(true);
  });
});

describe("KOMBIT's Y14 Arbejdsmarked example in the shipped catalogue", () => {
  it('requires exactly the 15 mandatory integrations of the example report, and is used by 13 municipalities', async () => {
    const { requiredIntegrations } = await import('./query.ts');
    const system = loaded.catalog.systems.find((s) => s.areas.includes('Y14') && s.municipalities.length === 13);
    expect(system).toBeDefined();
    const mandatory = requiredIntegrations(loaded.catalog, system!.id)
      .filter((r) => r.level === 'mandatory')
      .map((r) => r.integration);
    expect(mandatory.sort()).toEqual(
      [
        'SAPA-dialog',
        'SF1470',
        'SF1490',
        'SF1500',
        'SF1510',
        'SF1511',
        'SF1514',
        'SF1515',
        'SF1690',
        'SF1780',
        'SF2090',
        'SF2093',
        'SF2095',
        'SF2096',
        'SF2900',
      ].sort(),
    );
  });

  it("is the example system with KOMBIT's 13 municipalities, packages and 15 statuses (issue 11)", async () => {
    const { packagesOf } = await import('./query.ts');
    const system = loaded.catalog.systems.find((s) => s.id === 'jobcenter-y14-eksempel')!;
    const names = new Map(loaded.catalog.municipalities.map((m) => [m.cvr, m.name.replace(/ Kommune$/, '')]));
    expect(system.municipalities.map((cvr) => names.get(cvr))).toEqual([
      'Aalborg',
      'Fredericia',
      'Haderslev',
      'Helsingør',
      'Herning',
      'Hillerød',
      'Ishøj',
      'Køge',
      'Svendborg',
      'Sønderborg',
      'Tønder',
      'Varde',
      'Viborg',
    ]);
    const packages = packagesOf(loaded.catalog, system);
    expect(packages.map((p) => `${p.level} ${p.id} ${p.title}`)).toEqual([
      'mandatory I-04 Sags- og dokumentindeks',
      'mandatory I-05 Ydelsesindeks',
      'mandatory I-06 Organisation service',
      'mandatory I-07 Klassifikation service',
      'mandatory I-08 Adgangsstyring for brugere (context handler)',
      'mandatory I-14 Jobcenterintegration',
      'supplementary I-01 Sundhedsoplysninger',
      'supplementary I-02 Personoplysninger',
      'supplementary I-03 Pensionsoplysninger',
    ]);
    const count = (code: string) => (system.statuses ?? []).filter((s) => s.status === code).length;
    expect([count('klarmeldt'), count('delvist-klarmeldt'), count('ikke-klarmeldt')]).toEqual([11, 3, 1]);
  });
});

describe('what the project made up is marked as an example (issue 11)', () => {
  it('marks its packages and use cases fictional, with "(projekteksempel)" in the title, and no KOMBIT one', () => {
    const kombitPackages = ['I-01', 'I-02', 'I-03', 'I-04', 'I-05', 'I-06', 'I-07', 'I-08', 'I-14'];
    for (const pkg of loaded.catalog.packages) {
      expect([pkg.id, pkg.fictional]).toEqual([pkg.id, !kombitPackages.includes(pkg.id)]);
      expect([pkg.id, pkg.title.endsWith('(projekteksempel)')]).toEqual([pkg.id, pkg.fictional]);
    }
    for (const useCase of loaded.catalog.areas.flatMap((a) => a.useCases)) {
      expect([useCase.id, useCase.fictional]).toEqual([useCase.id, !['Y14.II.1', 'Y14.II.2'].includes(useCase.id)]);
      expect([useCase.id, useCase.title.includes('(projekteksempel')]).toEqual([useCase.id, useCase.fictional]);
    }
  });

  it('puts no integration in a package the sources do not name: SAPA dialog and SF2900 are required outside any package', () => {
    expect(loaded.catalog.packages.flatMap((p) => [...p.business, ...p.prerequisites])).not.toContain('SF2900');
    expect(loaded.catalog.packages.flatMap((p) => [...p.business, ...p.prerequisites])).not.toContain('SAPA-dialog');
    const y14 = loaded.catalog.areas.find((a) => a.id === 'Y14')!.useCases.find((u) => u.id === 'Y14.II.1')!;
    expect(y14.integrations.map((i) => i.integration)).toEqual(['SAPA-dialog', 'SF2900']);
  });
});
