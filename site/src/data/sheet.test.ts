import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../catalog/index.ts';
import { loadCatalog } from '../../../catalog/index.ts';
import { SheetStore } from '../../../conformance/onboarding/index.ts';
import { indexCatalog } from './catalog-index.ts';
import { buildMatrix } from './matrix-model.ts';
import { readReadiness } from './sheet.ts';

const repo = new URL('../../../', import.meta.url).pathname;
const run = promisify(execFile);

/** The CLI as a user runs it (a separate process: nothing may import cli/). */
async function klarmeldJson(...args: string[]) {
  const { stdout } = await run(process.execPath, [join(repo, 'bin', 'klarmeld.js'), ...args, '--json'], {
    cwd: repo,
    maxBuffer: 16 << 20,
  });
  return JSON.parse(stdout);
}

interface CliCell {
  integration: string;
  level?: string;
  status?: string;
  source?: string;
  at?: string;
}
interface CliReportLine {
  integration: string;
  status?: string;
  source?: string;
  at?: string;
  evidence?: { runId: string };
}

let dir: string;
let catalog: Catalog;
let sheet: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'site-sheet-'));
  sheet = join(dir, 'sheet.sqlite');
  ({ catalog } = await loadCatalog());
  const store = SheetStore.open(sheet);
  store.append([
    {
      system: 'reference-system',
      integration: 'SF1520',
      status: 'klarmeldt',
      actor: 'klarmeld test --record',
      source: 'run',
      evidence: { runId: 'run-1', digest: 'a'.repeat(64) },
    },
  ]);
  store.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the site’s statuses', () => {
  it('are the CLI’s for the shipped catalogue and a sheet with one recorded event: matrix, system pages, sources and dates', async () => {
    const readiness = await readReadiness(catalog, { sheet, sheetIsDefault: false });
    expect(readiness.source).toEqual({ kind: 'sheet', path: sheet });
    const model = buildMatrix(catalog, indexCatalog(catalog), readiness);
    const shown = await klarmeldJson('sheet', 'show', '--sheet', sheet);
    const sources = new Set<string>();
    for (const row of shown.rows as { system: string; cells: CliCell[] }[]) {
      const siteRow = model.rows.find((r) => r.systemId === row.system)!;
      for (const cell of row.cells) {
        const entry = readiness.of(row.system, cell.integration);
        expect([row.system, cell.integration, entry?.status, entry?.source, entry?.at]).toEqual([
          row.system,
          cell.integration,
          cell.status,
          cell.source,
          cell.at,
        ]);
        if (cell.level)
          expect([
            row.system,
            cell.integration,
            siteRow.cells[model.columns.indexOf(cell.integration)]?.status,
          ]).toEqual([row.system, cell.integration, cell.status ?? '']);
        if (cell.status) sources.add(cell.source!);
      }
    }
    // Both kinds were compared: the catalogue's declarations (systems.yaml) and the sheet's event.
    expect([...sources].sort()).toEqual(['catalogue', 'run']);
    for (const system of ['reference-system', 'jobcenter-plus']) {
      const report = await klarmeldJson('sheet', 'report', system, '--sheet', sheet);
      for (const line of report.integrations as CliReportLine[]) {
        const entry = readiness.of(system, line.integration);
        expect([system, line.integration, entry?.status, entry?.source, entry?.at, entry?.evidence?.runId]).toEqual([
          system,
          line.integration,
          line.status,
          line.source,
          line.at,
          line.evidence?.runId,
        ]);
      }
    }
    expect(readiness.of('reference-system', 'SF1520')).toMatchObject({
      status: 'klarmeldt',
      source: 'run',
      evidence: { runId: 'run-1' },
    });
  }, 30_000);

  it('keep the catalogue’s declarations, and say why, when the sheet is missing or unreadable', async () => {
    const declared = catalog.systems.flatMap((s) => (s.statuses ?? []).map((d) => [s.id, d.integration, d.status]));
    expect(declared.length).toBeGreaterThan(0);
    const missing = join(dir, 'nothing-here.sqlite');
    const unreadable = join(dir, 'a-folder');
    await mkdir(unreadable);
    const cases = [
      [
        { sheet: missing, sheetIsDefault: true },
        { kind: 'missing', path: missing, isDefault: true },
      ],
      [
        { sheet: missing, sheetIsDefault: false },
        { kind: 'missing', path: missing, isDefault: false },
      ],
      [
        { sheet: unreadable, sheetIsDefault: false },
        { kind: 'unreadable', path: unreadable },
      ],
    ] as const;
    for (const [paths, source] of cases) {
      const readiness = await readReadiness(catalog, paths);
      expect(readiness.source).toMatchObject(source);
      expect(readiness.entries.map((e) => [e.system, e.integration, e.status])).toEqual(declared);
      expect(readiness.entries.every((e) => e.source === 'catalogue' && e.at === undefined)).toBe(true);
    }
  });
});
