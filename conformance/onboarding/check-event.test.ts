import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/catalog.ts';
import { checkEvent, statusByCodeOrLabel } from './check-event.ts';
import { testCatalog } from './testing/test-catalog.ts';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await testCatalog();
});
const codes = (event: Parameters<typeof checkEvent>[1]) => checkEvent(catalog, event).map((p) => p.code);

describe('checkEvent', () => {
  it('accepts a known system, integration and status', () => {
    expect(codes({ system: 'jobcenter-plus', integration: 'SF1520', status: 'klarmeldt' })).toEqual([]);
  });

  it('names an unknown system, integration and status, listing the allowed statuses', () => {
    expect(codes({ system: 'nope', integration: 'SF0000', status: 'ja' })).toEqual(['unknown-system', 'unknown-integration', 'unknown-status']);
    expect(checkEvent(catalog, { system: 'jobcenter-plus', integration: 'SF1520', status: 'ja' })[0]!.message).toMatch(/Use one of: .*klarmeldt/);
  });

  it('requires a reason where the vocabulary says so, and one of the allowed reasons when it lists them', () => {
    expect(codes({ system: 'jobcenter-plus', integration: 'SF1520', status: 'irrelevant' })).toEqual(['reason-required']);
    expect(codes({ system: 'jobcenter-plus', integration: 'SF1520', status: 'irrelevant', reason: 'Fordi' })).toEqual(['reason-not-allowed']);
    expect(codes({ system: 'jobcenter-plus', integration: 'SF1520', status: 'irrelevant', reason: 'Kommunen efterspørger det ikke' })).toEqual([]);
  });

  it('finds a status by code, Danish label or English label', () => {
    expect(statusByCodeOrLabel(catalog, '1. Ja / Klarmeldt')?.code).toBe('klarmeldt');
    expect(statusByCodeOrLabel(catalog, ' KLARMELDT ')?.code).toBe('klarmeldt');
    expect(statusByCodeOrLabel(catalog, 'Not relevant')?.code).toBe('irrelevant');
  });
});
