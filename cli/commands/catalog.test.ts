import { describe, expect, it } from 'vitest';
import { copyValidFixture, editFile, validFixture } from '../../catalog/test-fixtures/fixture-copy.ts';
import { klarmeld } from '../testing/klarmeld.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';

const temp = tempDirs();

describe('klarmeld catalog check', () => {
  it('summarises a valid catalogue and exits 0', async () => {
    const { exit, stdout } = await klarmeld('catalog', 'check', '--dir', validFixture);
    expect(exit).toBe(0);
    expect(stdout).toContain('5 integrations');
    expect(stdout).toContain('2 SKI systems');
    expect(stdout).toContain('The catalogue is valid');
  });

  it('shows each problem with file, line, field and fix, grouped per file, and exits 1', async () => {
    const dir = temp.removeAfter(await copyValidFixture());
    await editFile(dir, 'systems.yaml', 'areas: [Y20]', 'areas: [Y99]');
    const { exit, stdout } = await klarmeld('catalog', 'check', '--dir', dir);
    expect(exit).toBe(1);
    expect(stdout).toMatch(/systems\.yaml:20:\d+ KM-CAT-011 unknown-area at systems\[1\]\.areas\[0\]/);
    expect(stdout).toContain('Fix: ');
    expect(stdout).toContain('1 error in 1 file.');
  });

  it('prints plain JSON with --json', async () => {
    const { exit, stdout } = await klarmeld('catalog', 'check', '--json', '--dir', validFixture);
    expect(exit).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ valid: true, problems: [], summary: { integrations: 5 } });
  });

  it('exits 2 on an unknown option', async () => {
    const { exit, stderr } = await klarmeld('catalog', 'check', '--jsn');
    expect(exit).toBe(2);
    expect(stderr).toContain('--jsn');
  });
});

describe('klarmeld catalog list, show and required', () => {
  it('lists every integration as JSON', async () => {
    const { exit, stdout } = await klarmeld('catalog', 'list', '--json', '--dir', validFixture);
    expect(exit).toBe(0);
    expect(JSON.parse(stdout).map((r: { id: string }) => r.id)).toEqual([
      'SF1460_A',
      'SF1461',
      'SF1500',
      'SF1514',
      'SF1520',
    ]);
  });

  it('lists the integrations of one service area, and names the known areas for an unknown one', async () => {
    const { stdout } = await klarmeld('catalog', 'list', '--area', 'Y20', '--dir', validFixture);
    expect(stdout).toContain('1 integrations required or offered in Y20');
    expect(stdout).toContain('SF1520');
    const unknown = await klarmeld('catalog', 'list', '--area', 'Y99', '--dir', validFixture);
    expect(unknown.exit).toBe(2);
    expect(unknown.stderr).toContain('Known areas: Y14, Y20');
  });

  it('shows one integration with its versions and services', async () => {
    const { exit, stdout } = await klarmeld('catalog', 'show', 'SF1500', '--dir', validFixture);
    expect(exit).toBe(0);
    expect(stdout).toContain('SF1500 Organisation services');
    expect(stdout).toContain('ServiceUUID 6d9e3e15-4f6b-4a4e-9a7f-0e0a3f7c2b11');
    const json = JSON.parse((await klarmeld('catalog', 'show', 'sf1500', '--json', '--dir', validFixture)).stdout);
    expect(json).toMatchObject({
      integration: { id: 'SF1500' },
      current: { version: '6' },
      dependents: { packages: ['I-06'] },
    });
  });

  it('suggests the nearest id for an unknown integration', async () => {
    const { exit, stderr } = await klarmeld('catalog', 'show', 'SF150', '--dir', validFixture);
    expect(exit).toBe(2);
    expect(stderr).toContain('Did you mean SF1500?');
  });

  it('gives the required integrations of a system, with its declared exceptions', async () => {
    const { exit, stdout } = await klarmeld('catalog', 'required', 'jobcenter-plus', '--dir', validFixture);
    expect(exit).toBe(0);
    expect(stdout).toContain('3 mandatory');
    expect(stdout).toContain('(needed by SF1500)');
    expect(stdout).toContain('Systemet modtager ikke beskeder');
    const json = JSON.parse(
      (await klarmeld('catalog', 'required', 'jobcenter-plus', '--json', '--dir', validFixture)).stdout,
    );
    expect(json.required.map((r: { integration: string }) => r.integration)).toEqual(['SF1500', 'SF1514', 'SF1520']);
  });
});

describe('bin/klarmeld.js catalog (a real process)', () => {
  const bin = new URL('../../bin/klarmeld.js', import.meta.url).pathname;
  const run = async (...args: string[]) => {
    const { spawnSync } = await import('node:child_process');
    return spawnSync(process.execPath, [bin, 'catalog', ...args], { encoding: 'utf8' });
  };

  it('checks without the JSX loader and prints plain text to a pipe', async () => {
    const result = await run('check', '--dir', validFixture);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('✓ The catalogue is valid.');
  });

  it('loads the ink views on demand for the other commands', async () => {
    const result = await run('list', '--dir', validFixture);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('SF1520      v4 I drift');
  });
});
