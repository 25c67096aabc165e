import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import { programmeCategoryCodes, skiSystem } from '../../catalog/index.ts';
import { programmeCategories } from './programme-categories.ts';
import { appendProgrammeEvent } from './programme-events.ts';
import { programmeOverview } from './programme-overview.ts';
import { SheetStore } from './sheet-store.ts';
import { testCatalog } from './testing/test-catalog.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe("a system's programme place declared in the catalogue (issue 11: categories belong to a system, not a cell)", () => {
  it("the schema takes the same seven category codes as the programme, and only KOMBIT's reasons", () => {
    expect([...programmeCategoryCodes]).toEqual(programmeCategories.map((c) => c.code));
    const base = {
      id: 's',
      name: 'S',
      supplier: '12345678',
      areas: ['Y14'],
      userSystemUuid: '00000000-0000-4000-8000-000000000001',
    };
    expect(
      skiSystem.safeParse({
        ...base,
        programme: { category: 'administrativt-fjernet', reason: 'Produktet er gået ud af markedet' },
      }).success,
    ).toBe(true);
    expect(skiSystem.safeParse({ ...base, programme: { category: 'fjernet' } }).success).toBe(false);
    expect(skiSystem.safeParse({ ...base, programme: { category: 'klarmeldt', reason: 'Fordi' } }).success).toBe(false);
    expect(skiSystem.safeParse({ ...base, programme: { category: 'klarmeldt', round: 3 } }).success).toBe(false);
    expect(skiSystem.safeParse({ ...base, programme: { category: 'tilmeldt', round: 3 } }).success).toBe(true);
  });

  it('the declared place wins over the cells, and a place set in the sheet wins over it', async () => {
    const base = await testCatalog();
    const [first] = base.systems;
    const catalog = {
      ...base,
      systems: [
        {
          ...first!,
          programme: {
            category: 'administrativt-fjernet' as const,
            reason: 'Produktet er gået ud af markedet' as const,
          },
        },
        ...base.systems.slice(1),
      ],
    };
    expect(programmeOverview(catalog, []).systems[0]).toMatchObject({
      system: first!.id,
      category: 'administrativt-fjernet',
      reason: 'Produktet er gået ud af markedet',
      source: 'catalogue',
    });
    const dir = await mkdtemp(join(tmpdir(), 'klarmeld-programme-'));
    const store = SheetStore.open(join(dir, 'sheet.sqlite'));
    try {
      const set = appendProgrammeEvent(
        store,
        { system: first!.id, category: 'tilmeldt', round: 2, actor: 'kombit' },
        new Date('2025-01-02T00:00:00Z'),
      );
      expect(programmeOverview(catalog, [], [set]).systems[0]).toMatchObject({
        category: 'tilmeldt',
        round: 2,
        source: 'manual',
      });
    } finally {
      store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("the shipped catalogue declares cell words only from KOMBIT's sheet, and Journalix's removal at the system", async () => {
    const { catalog } = await loadCatalog();
    const cellWords = new Set(catalog.statuses.map((s) => s.code));
    expect([...cellWords].sort()).toEqual([
      'delvist-klarmeldt',
      'ensidig',
      'ikke-klarmeldt',
      'irrelevant',
      'klarmeldt',
      'tilmeldt',
    ]);
    const takesRound = new Set(catalog.statuses.filter((s) => s.round).map((s) => s.code));
    for (const system of catalog.systems) {
      for (const s of system.statuses ?? []) {
        expect(cellWords.has(s.status), `${system.id} ${s.integration} ${s.status}`).toBe(true);
        // "Forløb" without its round is not a word KOMBIT writes, and an export of it would not import.
        expect(takesRound.has(s.status) === (s.round !== undefined), `${system.id} ${s.integration} round`).toBe(true);
      }
    }
    expect(programmeOverview(catalog, []).systems.find((s) => s.system === 'journalix')).toMatchObject({
      category: 'administrativt-fjernet',
      source: 'catalogue',
    });
  });
});
