import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, loadCatalog } from '../../catalog/index.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { klarmeld } from '../testing/klarmeld.ts';

const temp = tempDirs();

describe('klarmeld catalog import-agreements', () => {
  it('replaces the agreement list, keeps rows it cannot map, and the report then gives tilsluttet i N af M kommuner', async () => {
    const dir = await temp.make('import-agreements-');
    const data = join(dir, 'data');
    await cp(defaultDataDir(), data, { recursive: true });
    const file = join(dir, 'aftaler.csv');
    await writeFile(
      file,
      [
        'It-system;SF;Myndighed CVR;Aftalestatus',
        'JobcenterPlus;SF 1500 - Organisation services;64942212;Godkendt',
        'jobcenter-plus;SF1500;Frederiksberg Kommune;Godkendt',
        'jobcenter-plus;SF1490;19438414;Afventer',
        'jobcenter-plus;SF9999;62761113;Godkendt',
      ].join('\n'),
    );
    const dry = await klarmeld('catalog', 'import-agreements', file, '--dir', data);
    expect(dry.exit).toBe(1);
    expect(dry.stdout).toContain('3 agreements for 1 systems, 1 rows not mapped.');
    expect(dry.stdout).toContain('jobcenter-plus: 2 approved of 3');
    expect(dry.stdout).toContain('row 5: the catalogue has no integration "SF9999".');

    expect((await klarmeld('catalog', 'import-agreements', file, '--dir', data, '--write')).exit).toBe(1);
    const { catalog, problems } = await loadCatalog(data);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The list replaced the shipped example: the Y14 example has no agreements now.
    expect(catalog.agreements.map((a) => a.system)).toEqual(['jobcenter-plus', 'jobcenter-plus', 'jobcenter-plus']);
    expect(await readFile(join(data, 'service-agreements.yaml'), 'utf8')).toContain('"Myndighed CVR": "62761113"');

    const sheet = join(dir, 'sheet.sqlite');
    const report = await klarmeld('sheet', 'report', 'jobcenter-plus', '--catalog', data, '--sheet', sheet);
    expect(report.stdout).toMatch(/SF1500 .*tilsluttet i 2 af 4 kommuner/);
    expect(report.stdout).toMatch(/SF1490 .*tilsluttet i 0 af 4 kommuner/);
  });

  it('refuses a list without the columns it needs, naming them', async () => {
    const dir = await temp.make('import-agreements-');
    const file = join(dir, 'aftaler.csv');
    await writeFile(file, 'System,Kommune\njobcenter-plus,64942212\n');
    const { exit, stderr } = await klarmeld('catalog', 'import-agreements', file);
    expect(exit).toBe(2);
    expect(stderr).toContain('has no column for integration, status');
  });
});
