import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';

const klarmeld = fileURLToPath(new URL('../../bin/klarmeld.js', import.meta.url));
const temp = tempDirs();

/** A profile of the supplier's own system requiring the given integrations; its start command never runs here. */
async function profile(integrations: string[]): Promise<string> {
  const dir = await temp.make('before-run-');
  const file = join(dir, 'klarmeld.yaml');
  const list = integrations.map((id) => `    - id: ${id}\n`).join('');
  await writeFile(
    file,
    `system:\n  id: acme-journal\n  name: Acme Journal\n  supplier: "12345678"\n  integrations:\n${list}start:\n  command: exit 1\ntrigger:\n  url: http://127.0.0.1:9/trigger\n`,
  );
  return file;
}

// Port 9 (discard) has no platform: the run stops at once with exit 3, after the line before it.
const test = (file: string, ...flags: string[]) =>
  spawnSync(process.execPath, [klarmeld, 'test', '--profile', file, '--platform', 'https://127.0.0.1:9', ...flags], {
    encoding: 'utf8',
  });

describe('klarmeld test says before the run which required integrations have no suite (issue 12)', () => {
  it('names them with why, as klarmeld catalog coverage does, and not those with a hand-written or generic suite', async () => {
    const run = test(await profile(['SF1520', 'SF1690', 'SF1491']));
    expect(run.status).toBe(3);
    const first = run.stdout.split('\n')[0]!;
    expect(first).toContain('SF1690 (kontrakt ikke offentliggjort)');
    // acme-journal is not in the catalogue, so "catalog coverage --system" would refuse it.
    expect(first).toMatch(/Details: klarmeld catalog coverage$/);
    // SF1520 has a hand-written suite, SF1491 the generic one from its imported contract.
    expect(first).not.toContain('SF1520');
    expect(first).not.toContain('SF1491');
  });

  it('for a catalogue system: the same integrations klarmeld catalog coverage --system shows without a suite', async () => {
    const dir = await temp.make('before-run-');
    const file = join(dir, 'klarmeld.yaml');
    await writeFile(
      file,
      'system: jobcenter-y14-eksempel\nstart:\n  command: exit 1\ntrigger:\n  url: http://127.0.0.1:9/trigger\n',
    );
    const first = test(file).stdout.split('\n')[0]!;
    const coverage = JSON.parse(
      spawnSync(process.execPath, [klarmeld, 'catalog', 'coverage', '--system', 'jobcenter-y14-eksempel', '--json'], {
        encoding: 'utf8',
      }).stdout,
    ) as { integrations: { integration: string; suite: string }[] };
    const none = coverage.integrations.filter((r) => r.suite === 'none').map((r) => r.integration);
    expect(none).toContain('SF2900');
    // The Context Handler's login and logout have their web-login suites (from the IdP metadata).
    expect(none).not.toContain('SF1511');
    const named = [
      ...first.matchAll(/(\S+) \((?:kontrakt ikke offentliggjort|not imported|contract imported, no suite yet)\)/g),
    ].map((m) => m[1]);
    expect(named).toEqual(none);
    expect(first).toContain('SF1780 (kontrakt ikke offentliggjort)');
    expect(first).toContain('SF2900 (not imported)');
    expect(first).toContain('klarmeld catalog coverage --system jobcenter-y14-eksempel');
  });

  it('says nothing when every required integration has a suite, and keeps --json output a run document only', async () => {
    const covered = test(await profile(['SF1520']));
    expect(covered.stdout).not.toContain('no suite tests it');
    const json = test(await profile(['SF1690']), '--json');
    expect(json.stdout).not.toContain('no suite tests it');
  });
});
