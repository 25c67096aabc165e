import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { klarmeld } from './testing/klarmeld.ts';

describe('klarmeld suggests what was meant (exit 2)', () => {
  it('names the nearest command for a mistyped one', async () => {
    const { exit, stderr } = await klarmeld('tset');
    expect(exit).toBe(2);
    expect(stderr).toContain('Unknown command "tset". Did you mean "klarmeld test"?');
  });

  it('names the nearest command of a group', async () => {
    const catalog = await klarmeld('catalog', 'chek');
    expect([catalog.exit, catalog.stderr]).toEqual([
      2,
      expect.stringContaining('Did you mean "klarmeld catalog check"?'),
    ]);
    const platform = await klarmeld('platform', 'agrement', 'list');
    expect([platform.exit, platform.stderr]).toEqual([
      2,
      expect.stringContaining('Did you mean "klarmeld platform agreement"?'),
    ]);
  });

  it('names the nearest option for a mistyped flag, before running anything', async () => {
    const { exit, stderr } = await klarmeld('test', '--integraton', 'SF1520');
    expect(exit).toBe(2);
    expect(stderr).toMatch(/^Unknown option --integraton\. Did you mean --integration\?/);
    const negated = await klarmeld('platform', 'start', '--no-validaton');
    expect(negated.stderr).toMatch(/^Unknown option --no-validaton\. Did you mean --no-validation\?/);
  });
});

describe("a command's --help", () => {
  it("shows that command's usage, not its group's", async () => {
    const check = await klarmeld('catalog', 'check', '--help');
    expect(check.exit).toBe(0);
    expect(check.stdout).toMatch(
      /^klarmeld catalog check\n\nUsage:\n {2}klarmeld catalog check \[--json\] \[--dir DIR\]/,
    );
    expect(check.stdout).not.toContain('klarmeld catalog list');
    expect(check.stdout).toContain('--dir DIR');
    const agreement = await klarmeld('platform', 'agreement', 'add', '-h');
    expect(agreement.stdout).toContain('klarmeld platform agreement add --system');
    expect(agreement.stdout).not.toContain('klarmeld platform system add');
    const group = await klarmeld('catalog', '--help');
    expect(group.stdout).toContain('klarmeld catalog list');
  });
});

describe('hints name a command that does what they say', () => {
  it('klarmeld catalog systems lists the systems a profile can name', async () => {
    const { exit, stdout } = await klarmeld('catalog', 'systems');
    expect(exit).toBe(0);
    expect(stdout).toMatch(/^reference-system\s+Y65\s+99990006\s+klarmeld referencesystem$/m);
    const y14 = await klarmeld('catalog', 'systems', '--area', 'Y14', '--json');
    const rows = JSON.parse(y14.stdout) as { id: string; areas: string[] }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.areas.includes('Y14'))).toBe(true);
  });

  it('the runner\'s "no such system" hint names klarmeld catalog systems, not catalog list (which lists integrations)', async () => {
    const source = await readFile(
      fileURLToPath(new URL('../conformance/profile/system-under-test.ts', import.meta.url)),
      'utf8',
    );
    expect(source).toContain('("klarmeld catalog systems" lists them)');
    expect(source).not.toMatch(/catalog list[^"`]*systems/);
  });
});
