import { readFile, writeFile, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyValidFixture } from '../../catalog/test-fixtures/fixture-copy.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { klarmeld } from '../testing/klarmeld.ts';

const temp = tempDirs();
const vocabulary = fileURLToPath(new URL('../../catalog/data/onboarding-statuses.yaml', import.meta.url));

describe('klarmeld sheet show marks the systems the project made up (issue 11)', () => {
  it('puts (e) after a fictional system, explains it once, leaves a real one plain, and --json says fictional', async () => {
    const dir = await temp.make('sheet-examples-');
    const catalog = await copyValidFixture();
    await copyFile(vocabulary, join(catalog, 'onboarding-statuses.yaml'));
    // The fixture's systems are both the project's; make one real to show the difference.
    const systems = join(catalog, 'systems.yaml');
    const text = await readFile(systems, 'utf8');
    const at = text.indexOf('  - id: oekonomi-let');
    await writeFile(systems, text.slice(0, at) + text.slice(at).replace('fictional: true', 'fictional: false'));
    const sh = (...args: string[]) =>
      klarmeld('sheet', ...args, '--sheet', join(dir, 'sheet.sqlite'), '--catalog', catalog);
    const shown = await sh('show');
    expect(shown.exit).toBe(0);
    expect(shown.stdout).toMatch(/^jobcenter-plus \(e\) /m);
    expect(shown.stdout).toMatch(/^oekonomi-let {2,}/m);
    expect(shown.stdout).toContain('(e) projekteksempel: a system the project made up, not a real SKI system');
    const json = JSON.parse((await sh('show', '--json')).stdout) as { rows: { system: string; fictional: boolean }[] };
    expect(json.rows.map((r) => [r.system, r.fictional])).toEqual([
      ['jobcenter-plus', true],
      ['oekonomi-let', false],
    ]);
  });
});
