import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
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
    expect(codes({ system: 'nope', integration: 'SF0000', status: 'ja' })).toEqual([
      'unknown-system',
      'unknown-integration',
      'unknown-status',
    ]);
    expect(checkEvent(catalog, { system: 'jobcenter-plus', integration: 'SF1520', status: 'ja' })[0]!.message).toMatch(
      /Use one of: .*klarmeldt/,
    );
  });

  it('needs no reason for Irrelevant: KOMBIT writes the bare word in its sheet (issue 11); a blank cell is no status and is accepted', () => {
    expect(codes({ system: 'jobcenter-plus', integration: 'SF1520', status: 'irrelevant' })).toEqual([]);
    expect(codes({ system: 'jobcenter-plus', integration: 'SF1520', status: '' })).toEqual([]);
  });

  it("finds a status by code, mark, KOMBIT word, report code, English label or klarmeld's former label", () => {
    expect(statusByCodeOrLabel(catalog, '1. Ja / Klarmeldt')?.code).toBe('klarmeldt');
    for (const text of ['K', 'k', 'Klarmeldt', '1. Ja', '🟢 1. Ja'])
      expect(statusByCodeOrLabel(catalog, text)?.code, text).toBe('klarmeldt');
    for (const text of ['D', 'Delvis', 'Delvist', '5. Delvis'])
      expect(statusByCodeOrLabel(catalog, text)?.code, text).toBe('delvist-klarmeldt');
    for (const text of ['F', 'Forløb', 'Forløb 3'])
      expect(statusByCodeOrLabel(catalog, text)?.code, text).toBe('tilmeldt');
    for (const text of ['N', 'Nej', '2. Nej'])
      expect(statusByCodeOrLabel(catalog, text)?.code, text).toBe('ikke-klarmeldt');
    expect(statusByCodeOrLabel(catalog, ' KLARMELDT ')?.code).toBe('klarmeldt');
    expect(statusByCodeOrLabel(catalog, 'Not relevant')?.code).toBe('irrelevant');
  });
});
