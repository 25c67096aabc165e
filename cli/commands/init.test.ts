import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import { loadProfile } from '../../conformance/profile/index.ts';
import { systemUnderTest } from '../../conformance/profile/index.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { klarmeld } from '../testing/klarmeld.ts';

const temp = tempDirs();

describe('klarmeld init', () => {
  it('writes, from flags alone, a profile of a system outside the catalogue that klarmeld test reads', async () => {
    const file = join(await temp.make('init-'), 'klarmeld.yaml');
    const { exit, stdout } = await klarmeld(
      'init',
      '--name',
      'Ærø Journal',
      '--cvr',
      '12345678',
      '--integrations',
      'sf1520,SF1500',
      '--operations',
      'SF1520:PersonLookup',
      '--area',
      'Y65',
      '--use-case',
      'Y65.I.1',
      '--start',
      'python3 system.py',
      '--profile',
      file,
    );
    expect(exit).toBe(0);
    expect(stdout).toContain("which KOMBIT's catalogue does not list");
    expect(stdout).toContain('Integrations tested: SF1520, SF1500, SF1514');
    const loaded = await loadProfile(file);
    expect(loaded.profile.system).toEqual({
      id: 'aeroe-journal',
      name: 'Ærø Journal',
      supplier: '12345678',
      areas: ['Y65'],
      useCases: ['Y65.I.1'],
      integrations: [
        { id: 'SF1520', operations: ['PersonLookup'] },
        { id: 'SF1500', operations: [] },
      ],
    });
    expect(loaded.profile.start).toMatchObject({
      command: 'python3 system.py',
      ready: 'http://127.0.0.1:${TRIGGER_PORT}/health',
    });
    expect(loaded.profile.trigger?.url).toBe('http://127.0.0.1:${TRIGGER_PORT}/trigger');
    expect(systemUnderTest((await loadCatalog()).catalog, loaded.profile, file).listed).toBe(false);
    // The operations not given are offered from the catalogue, once each.
    expect(await readFile(file, 'utf8')).toMatch(/# operations: \[[^\]]*\blaes\b[^\]]*\]/);
    expect((await readFile(file, 'utf8')).match(/\blaes\b/g)).toHaveLength(1);
  });

  it('never overwrites a profile', async () => {
    const file = join(await temp.make('init-'), 'klarmeld.yaml');
    await writeFile(file, 'system: mine\n');
    const { exit, stderr } = await klarmeld(
      'init',
      '--name',
      'A',
      '--cvr',
      '12345678',
      '--integrations',
      'SF1520',
      '--profile',
      file,
    );
    expect(exit).toBe(2);
    expect(stderr).toContain('does not overwrite');
    expect(await readFile(file, 'utf8')).toBe('system: mine\n');
  });

  it('without a terminal names the flags it needs instead of asking', async () => {
    const file = join(await temp.make('init-'), 'klarmeld.yaml');
    const { exit, stderr } = await klarmeld('init', '--name', 'A', '--profile', file);
    expect(exit).toBe(2);
    expect(stderr).toContain('Give --cvr, --integrations');
    expect(existsSync(file)).toBe(false);
  });

  it('writes nothing when the catalogue does not know an integration or the CVR is not one', async () => {
    const file = join(await temp.make('init-'), 'klarmeld.yaml');
    const { exit, stderr } = await klarmeld(
      'init',
      '--name',
      'A',
      '--cvr',
      '1234',
      '--integrations',
      'SF9999',
      '--profile',
      file,
    );
    expect(exit).toBe(2);
    expect(stderr).toContain('Nothing written');
    expect(stderr).toContain('system.supplier');
    expect(existsSync(file)).toBe(false);
    const second = await klarmeld(
      'init',
      '--name',
      'A',
      '--cvr',
      '12345678',
      '--integrations',
      'SF9999',
      '--profile',
      file,
    );
    expect(second.stderr).toContain('The catalogue has no integration SF9999');
    expect(existsSync(file)).toBe(false);
  });
});
