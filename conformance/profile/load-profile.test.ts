import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interpolate, loadProfile, parseProfile } from './load-profile.ts';
import { ProfileError } from './problem.ts';

function problemsOf(text: string) {
  try {
    parseProfile(text, 'klarmeld.yaml');
  } catch (error) {
    if (error instanceof ProfileError) return error.problems;
    throw error;
  }
  return [];
}

describe('klarmeld.yaml', () => {
  it('fills in the embedded defaults for a minimal profile', () => {
    const profile = parseProfile(
      'system: reference-system\ntrigger:\n  url: http://127.0.0.1:9000/trigger\n',
      'p.yaml',
    );
    expect(profile.target).toBe('embedded');
    expect(profile.platform.municipality).toBe('11111111');
    expect(profile.trigger?.timeout).toBe(15);
  });

  it('names the file, line and field of every problem', () => {
    const problems = problemsOf(
      'system: Reference System\ntrigger:\n  url: http://x/t\n  command: ./t\ncallbacks:\n  beskedfordeler: ftp://x\n',
    );
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [1, 'system'],
      [3, 'trigger'],
      [6, 'callbacks.beskedfordeler'],
    ]);
    expect(new ProfileError(problems).message).toContain("klarmeld.yaml:1: system: Write the system's id");
  });

  it('asks for the FOCES certificate when targeting the external test environment', () => {
    const [problem] = problemsOf('system: s\ntarget: external-test\n');
    expect(problem?.field).toBe('target');
    expect(problem?.message).toContain('FOCES certificate');
  });

  it('reports broken YAML with its line', () => {
    const [problem] = problemsOf('system: s\n  bad: [\n');
    expect(problem?.code).toBe('profile-yaml');
    expect(problem?.line).toBeGreaterThan(0);
  });

  it('says how to write a profile when the file is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'profile-'));
    await expect(loadProfile(join(dir, 'nope.yaml'))).rejects.toThrow(/klarmeld init/);
    await writeFile(join(dir, 'klarmeld.yaml'), 'system: s\n');
    expect((await loadProfile(join(dir, 'klarmeld.yaml'))).dir).toBe(dir);
  });

  it('interpolates runner ports and leaves unknown names alone', () => {
    expect(
      interpolate({ url: 'http://127.0.0.1:${TRIGGER_PORT}/t', n: 1, x: '${NOPE}' }, { TRIGGER_PORT: '81' }),
    ).toEqual({
      url: 'http://127.0.0.1:81/t',
      n: 1,
      x: '${NOPE}',
    });
  });
});
