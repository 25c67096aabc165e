import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyValidFixture } from '../../catalog/test-fixtures/fixture-copy.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { klarmeld } from '../testing/klarmeld.ts';

const temp = tempDirs();
const vocabulary = fileURLToPath(new URL('../../catalog/data/onboarding-statuses.yaml', import.meta.url));
async function setup() {
  const dir = await temp.make('sheet-programme-');
  const sheet = join(dir, 'sheet.sqlite');
  const catalog = await copyValidFixture();
  await copyFile(vocabulary, join(catalog, 'onboarding-statuses.yaml'));
  return (...args: string[]) => klarmeld('sheet', ...args, '--sheet', sheet, '--catalog', catalog);
}

describe("klarmeld sheet: KOMBIT's onboarding programme (issue 11)", () => {
  it("derives each system's place from its cells, lets KOMBIT set it by hand with its reason, and counts systems per category", async () => {
    const sh = await setup();
    await sh('set', 'jobcenter-plus', 'SF1500', 'Forløb 3');
    const derived = JSON.parse((await sh('show', '--json')).stdout).programme;
    expect(derived.systems).toEqual([
      { system: 'jobcenter-plus', name: 'Jobcenter Plus', category: 'tilmeldt', round: 3, source: 'derived' },
      { system: 'oekonomi-let', name: 'Økonomi Let', category: 'manglende-info', source: 'derived' },
    ]);
    expect(
      (
        await sh(
          'programme',
          'oekonomi-let',
          'Administrativt fjernet',
          '--reason',
          'produktet er gået ud af markedet',
          '--actor',
          'kombit',
        )
      ).exit,
    ).toBe(0);
    const set = JSON.parse((await sh('show', '--json')).stdout).programme;
    expect(set.systems[1]).toMatchObject({
      category: 'administrativt-fjernet',
      reason: 'Produktet er gået ud af markedet',
      source: 'manual',
      actor: 'kombit',
    });
    expect(Object.fromEntries(set.categories.map((c: { label: string; count: number }) => [c.label, c.count]))).toEqual(
      {
        'Tilmeldt onboardingsforløb': 1,
        Klarmeldt: 0,
        'Delvist klarmeldt': 0,
        'Markeret som irrelevante': 0,
        'Manglende info om klarmeldingsstatus': 0,
        'Ikke klarmeldt': 0,
        'Administrativt fjernet': 1,
      },
    );
    const text = (await sh('show')).stdout;
    expect(text).toMatch(/Administrativt fjernet\s+1\s+█+/);
    expect((await sh('programme', 'oekonomi-let', 'auto')).exit).toBe(0);
    const history = await sh('history', 'oekonomi-let');
    expect(history.stdout).toMatch(
      /programme  administrativt-fjernet  kombit  — Produktet er gået ud af markedet\n.*programme  \(derived from the cells again\)/,
    );
    expect(JSON.parse((await sh('show', '--json')).stdout).programme.systems[1]).toMatchObject({
      category: 'manglende-info',
      source: 'derived',
    });
    expect(await sh('programme', 'oekonomi-let', 'lukket')).toMatchObject({
      exit: 2,
      stderr: expect.stringContaining('not a category'),
    });
    expect(await sh('programme', 'oekonomi-let', 'klarmeldt', '--reason', 'fordi')).toMatchObject({
      exit: 2,
      stderr: expect.stringContaining("not one of KOMBIT's reasons"),
    });
  });

  it('records a supplier\'s contest of KOMBIT\'s estimate as "Leverandøren er ikke enig", shows it on the report until KOMBIT decides', async () => {
    const sh = await setup();
    expect(
      (
        await sh(
          'contest',
          'jobcenter-plus',
          'sf1500',
          '--reason',
          'Systemet har ingen brugere',
          '--actor',
          'leverandør',
        )
      ).exit,
    ).toBe(0);
    const report = await sh('report', 'jobcenter-plus');
    expect(report.stdout).toMatch(
      /SF1500\s+Leverandøren er ikke enig: Systemet har ingen brugere \(leverandør, \d{4}-\d\d-\d\d\): awaiting KOMBIT's decision/,
    );
    expect(JSON.parse((await sh('show', '--json')).stdout).programme.openContests).toHaveLength(1);
    expect(
      (
        await sh(
          'decide',
          'jobcenter-plus',
          'SF1500',
          'upheld',
          '--reason',
          'SF1500 er obligatorisk i Y14',
          '--actor',
          'kombit',
        )
      ).exit,
    ).toBe(0);
    expect((await sh('report', 'jobcenter-plus')).stdout).toMatch(/SF1500\s+decided upheld by kombit/);
    expect(JSON.parse((await sh('show', '--json')).stdout).programme.openContests).toEqual([]);
    expect(await sh('decide', 'jobcenter-plus', 'SF1500', 'upheld')).toMatchObject({
      exit: 2,
      stderr: expect.stringContaining('no open contest'),
    });
    expect(await sh('contest', 'jobcenter-plus', 'SF1470', '--reason', 'x')).toMatchObject({
      exit: 2,
      stderr: expect.stringContaining('nothing to contest'),
    });
  });
});
