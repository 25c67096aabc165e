import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import type { Catalog } from '../../catalog/index.ts';
import { buildConnectionReport } from './connection-report.ts';
import { currentStatuses } from './current-status.ts';
import { buildMatrix } from './sheet-matrix.ts';
import { SheetStore } from './sheet-store.ts';
import { testCatalog } from './testing/test-catalog.ts';

// The fixture's jobcenter-plus declares SF1520 klarmeldt in systems.yaml; nothing else is declared.
let catalog: Catalog;
const temp = tempDirs();
beforeAll(async () => {
  catalog = await testCatalog();
});

async function sheet() {
  const dir = await temp.make('current-status-');
  let now = Date.parse('2026-11-22T08:00:00Z');
  return SheetStore.open(join(dir, 'sheet.sqlite'), { clock: () => new Date((now += 60_000)) });
}

describe('currentStatuses', () => {
  it('without a sheet gives the catalogue declarations, marked as such and without a date', () => {
    const statuses = currentStatuses(catalog);
    expect(statuses.all).toEqual([
      {
        system: 'jobcenter-plus',
        integration: 'SF1520',
        status: 'klarmeldt',
        word: 'Klarmeldt',
        backing: { kind: 'none' },
        source: 'catalogue',
      },
    ]);
    expect(statuses.of('jobcenter-plus', 'SF1520')).not.toHaveProperty('at');
    expect(statuses.of('jobcenter-plus', 'SF1500')).toBeUndefined();
    expect(statuses.ofSystem('oekonomi-let')).toEqual([]);
  });

  it('lets the sheet’s latest event of a pair win over the catalogue, with its date, actor and evidence', async () => {
    const store = await sheet();
    store.append([
      {
        system: 'jobcenter-plus',
        integration: 'SF1520',
        status: 'klarmeldt',
        actor: 'runner',
        source: 'run',
        evidence: { runId: 'r1', digest: 'd'.repeat(64) },
      },
    ]);
    const [latest] = store.append([
      {
        system: 'jobcenter-plus',
        integration: 'SF1520',
        status: 'ikke-klarmeldt',
        actor: 'runner',
        source: 'run',
        evidence: { runId: 'r2', digest: 'e'.repeat(64) },
      },
    ]);
    store.append([
      { system: 'oekonomi-let', integration: 'SF1514', status: 'tilmeldt', actor: 'kombit', source: 'manual' },
    ]);
    for (const events of [store.current(), store.history()]) {
      const statuses = currentStatuses(catalog, events);
      expect(statuses.of('jobcenter-plus', 'SF1520')).toEqual({
        system: 'jobcenter-plus',
        integration: 'SF1520',
        status: 'ikke-klarmeldt',
        word: 'Nej',
        source: 'run',
        backing: { kind: 'own-platform', runId: 'r2' },
        eventId: latest!.id,
        at: latest!.at,
        actor: 'runner',
        evidence: { runId: 'r2', digest: 'e'.repeat(64) },
      });
      expect(statuses.of('oekonomi-let', 'SF1514')).toMatchObject({
        status: 'tilmeldt',
        source: 'manual',
        actor: 'kombit',
      });
      expect(statuses.all).toHaveLength(2);
    }
    store.close();
  });

  it('reads a run recorded as ensidig before issue 11 as the declaration its counts show, with its key as evidence', async () => {
    const store = await sheet();
    store.append([
      {
        system: 'jobcenter-plus',
        integration: 'SF1520',
        status: 'ensidig',
        reason: 'The run would show klarmeldt …',
        actor: 'klarmeld test',
        source: 'run',
        evidence: {
          runId: 'r9',
          digest: 'a'.repeat(64),
          keyFingerprint: 'b'.repeat(64),
          keyTrusted: false,
          shallTotal: 3,
          shallPassed: 3,
          shallPassedWithEvidence: 2,
        },
      },
      {
        system: 'oekonomi-let',
        integration: 'SF1520',
        status: 'ensidig',
        word: 'Ensidig',
        actor: 'kombit',
        source: 'import',
      },
    ]);
    const statuses = currentStatuses(catalog, store.current());
    expect(statuses.of('jobcenter-plus', 'SF1520')).toMatchObject({
      status: 'klarmeldt',
      word: 'Klarmeldt',
      backing: { kind: 'own-platform', runId: 'r9', keyFingerprint: 'b'.repeat(64) },
    });
    expect(statuses.of('jobcenter-plus', 'SF1520')).not.toHaveProperty('reason');
    // KOMBIT's own Ensidig (imported from its workbook) stays what KOMBIT wrote.
    expect(statuses.of('oekonomi-let', 'SF1520')).toMatchObject({
      status: 'ensidig',
      word: 'Ensidig',
      backing: { kind: 'none' },
    });
    store.close();
  });

  it('keeps the catalogue declaration of a pair the sheet has no event for', async () => {
    const store = await sheet();
    store.append([
      { system: 'jobcenter-plus', integration: 'SF1500', status: 'delvist-klarmeldt', actor: 'runner', source: 'run' },
    ]);
    const statuses = currentStatuses(catalog, store.current());
    expect(statuses.ofSystem('jobcenter-plus').map((s) => [s.integration, s.status, s.source])).toEqual([
      ['SF1500', 'delvist-klarmeldt', 'run'],
      ['SF1520', 'klarmeldt', 'catalogue'],
    ]);
    store.close();
  });

  it('is what the matrix and the connection report show, cell for cell', async () => {
    const store = await sheet();
    store.append([
      {
        system: 'jobcenter-plus',
        integration: 'SF1514',
        status: 'irrelevant',
        reason: 'Kommunen efterspørger det ikke',
        actor: 'kombit',
        source: 'manual',
      },
      {
        system: 'oekonomi-let',
        integration: 'SF1520',
        status: 'klarmeldt',
        actor: 'runner',
        source: 'run',
        evidence: { runId: 'r3', digest: 'f'.repeat(64) },
      },
    ]);
    const current = store.current();
    const statuses = currentStatuses(catalog, current);
    const matrix = buildMatrix(catalog, current, { allIntegrations: true });
    let compared = 0;
    let reported = 0;
    for (const row of matrix.rows) {
      const report = buildConnectionReport(catalog, row.system, current)!;
      for (const cell of row.cells) {
        const expected = statuses.of(row.system, cell.integration);
        expect([row.system, cell.integration, cell.status, cell.source, cell.at, cell.reason]).toEqual([
          row.system,
          cell.integration,
          expected?.status,
          expected?.source,
          expected && 'at' in expected ? expected.at : undefined,
          expected?.reason,
        ]);
        const line = report.integrations.find((i) => i.integration === cell.integration);
        if (line)
          expect([line.status, line.source, line.at, line.reason]).toEqual([
            cell.status,
            cell.source,
            cell.at,
            cell.reason,
          ]);
        if (expected) compared++;
        if (expected && line) reported++;
      }
    }
    // jobcenter-plus SF1514 (sheet) and SF1520 (catalogue), oekonomi-let SF1520 (sheet): all three required.
    expect([compared, reported]).toEqual([3, 3]);
    store.close();
  });
});
