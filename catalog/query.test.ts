import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from './catalog.ts';
import { loadCatalog } from './load-catalog.ts';
import {
  currentVersion,
  dependentsOf,
  findIntegration,
  findService,
  findSystem,
  integrationsByArea,
  requiredIntegrations,
  requirementsOf,
} from './query.ts';
import { validFixture } from './test-fixtures/fixture-copy.ts';

let catalog: Catalog;
beforeAll(async () => {
  ({ catalog } = await loadCatalog(validFixture));
});

describe('requiredIntegrations', () => {
  it('lists mandatory integrations with the package and use case that demand them, prerequisites included', () => {
    expect(requiredIntegrations(catalog, 'jobcenter-plus')).toEqual([
      { integration: 'SF1500', level: 'mandatory', package: 'I-06', useCase: 'Y14.II.1' },
      { integration: 'SF1514', level: 'mandatory', package: 'I-06', useCase: 'Y14.II.1', via: 'SF1500' },
      { integration: 'SF1520', level: 'mandatory', package: 'I-02', useCase: 'Y14.II.1' },
    ]);
  });

  it('leaves out declared exceptions but reports them with their reason', () => {
    const { excepted } = requirementsOf(catalog, 'jobcenter-plus');
    expect(excepted).toEqual([
      {
        integration: 'SF1461',
        level: 'supplementary',
        package: 'I-04',
        useCase: 'Y14.II.1',
        reason: 'Systemet modtager ikke beskeder',
      },
    ]);
  });

  it('uses every use case of the areas when a system lists none, and finds a system by its UUID', () => {
    expect(requiredIntegrations(catalog, '1c6b8d52-6e1f-4a9b-8a5d-4b2f3e7c8d91')).toEqual([
      { integration: 'SF1520', level: 'supplementary', package: 'I-02', useCase: 'Y20.I.1' },
    ]);
  });

  it('is empty for an unknown system', () => {
    expect(requiredIntegrations(catalog, 'no-such-system')).toEqual([]);
    expect(findSystem(catalog, 'no-such-system')).toBeUndefined();
  });
});

describe('relations', () => {
  it('gives the integrations of a service area, prerequisites included, sorted by id', () => {
    expect(integrationsByArea(catalog, 'Y14').map((i) => i.id)).toEqual(['SF1461', 'SF1500', 'SF1514', 'SF1520']);
    expect(integrationsByArea(catalog, 'Y99')).toEqual([]);
  });

  it('gives the integrations and packages that depend on an integration', () => {
    const dependents = dependentsOf(catalog, 'SF1514');
    expect(dependents.integrations.map((i) => i.id)).toEqual(['SF1461', 'SF1500']);
    expect(dependents.packages).toEqual([]);
    expect(dependentsOf(catalog, 'SF1500').packages.map((p) => p.id)).toEqual(['I-06']);
  });
});

describe('currentVersion', () => {
  it('prefers the newest version in operation over a coming one', () => {
    expect(currentVersion(catalog, 'SF1520')?.version).toBe('4');
    expect(currentVersion(findIntegration(catalog, 'SF1500')!)?.version).toBe('6');
  });

  it('falls back to the newest version that is not retired', () => {
    const integration = {
      ...findIntegration(catalog, 'SF1520')!,
      versions: [
        { version: '9', lifecycle: 'Kommende' as const, services: [] },
        { version: '10', lifecycle: 'Udfaset' as const, services: [] },
      ],
    };
    expect(currentVersion(integration)?.version).toBe('9');
    expect(currentVersion(catalog, 'SF1460_A')).toBeUndefined();
  });
});

describe('findService', () => {
  it('finds a service by name in the current version', () => {
    const found = findService(catalog, 'SF1500', 'OrganisationEnhed');
    expect(found?.version.version).toBe('6');
    expect(found?.service.name).toBe('OrganisationEnhed');
  });

  it('takes the first service of the current version without a name, and nothing for unknown ids', () => {
    expect(findService(catalog, 'SF1520')?.service.serviceUuid).toBe('e6be2436-bf35-4df2-83fe-925142825dc2');
    expect(findService(catalog, 'SF1500', 'Nope')).toBeUndefined();
    expect(findService(catalog, 'SF9999')).toBeUndefined();
  });
});
