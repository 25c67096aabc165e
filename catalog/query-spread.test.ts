import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from './catalog.ts';
import { loadCatalog } from './load-catalog.ts';
import { spreadOf } from './query.ts';

let catalog: Catalog;
beforeAll(async () => {
  catalog = (await loadCatalog()).catalog;
});
const system = () => catalog.systems.find((s) => s.id === 'jobcenter-plus')!;
const [kbh, frb, gentofte] = ['64942212', '11259979', '19438414'];

describe('spreadOf: tilsluttet i N af M kommuner', () => {
  it('counts approved agreements among the municipalities that use the system, whatever the case of the status', () => {
    const agreements = [
      { system: 'jobcenter-plus', integration: 'SF1500', municipality: kbh, status: 'Godkendt' },
      { system: 'jobcenter-plus', integration: 'SF1500', municipality: frb, status: 'godkendt' },
      { system: 'jobcenter-plus', integration: 'SF1500', municipality: gentofte, status: 'Afventer' },
      // Aarhus does not use the system: its agreement cannot count towards the spread.
      { system: 'jobcenter-plus', integration: 'SF1500', municipality: '55133018', status: 'Godkendt' },
      { system: 'omsorgsfiks', integration: 'SF1520', municipality: kbh, status: 'Godkendt' },
    ];
    const spread = spreadOf({ ...catalog, agreements }, system())!;
    expect(spread('SF1500')).toEqual({ connected: 2, of: 4, municipalities: [kbh, frb] });
    expect(spread('SF1520')).toEqual({ connected: 0, of: 4, municipalities: [] });
  });

  it('is unknown, not 0 of M, when the agreement list says nothing of the system', () => {
    expect(spreadOf({ ...catalog, agreements: [] }, system())).toBeUndefined();
    const other = [{ system: 'omsorgsfiks', integration: 'SF1520', municipality: kbh, status: 'Godkendt' }];
    expect(spreadOf({ ...catalog, agreements: other }, system())).toBeUndefined();
  });
});
