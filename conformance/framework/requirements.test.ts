import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkGeneratedRequirements, loadRequirements, parseRequirements, RequirementsError } from './requirements.ts';

function problemsOf(text: string) {
  try {
    parseRequirements(text, 'requirements.yaml');
  } catch (error) {
    if (error instanceof RequirementsError) return error.problems;
    throw error;
  }
  return [];
}

describe('requirements.yaml', () => {
  it('loads every suite’s requirements file in the repository', async () => {
    const suitesDir = fileURLToPath(new URL('../suites/', import.meta.url));
    for (const suite of readdirSync(suitesDir)) {
      const file = await loadRequirements(`${suitesDir}${suite}/requirements.yaml`).catch(() => undefined);
      if (file) expect(file.requirements.length).toBeGreaterThan(0);
    }
  });

  it('names the line and field of every problem, not just the first', () => {
    const problems = problemsOf(
      [
        'integration: SF9999',
        'requirements:',
        '  - id: SF9999-R01',
        '    level: MUST',
        '    text: x',
        '    source: y',
        '  - id: bad id',
        '    level: SHALL',
        '    text: x',
        '    source: y',
        '    note: extra',
      ].join('\n'),
    );
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [4, 'requirements.0.level'],
      [7, 'requirements.1.id'],
      [11, 'requirements.1'],
    ]);
    expect(problems[0]!.message).toMatch(/SHALL, SHOULD or MAY/);
  });

  it('takes a Danish source beside the English one, and names the line of an empty one', () => {
    const file = (sourceDa: string) =>
      [
        'integration: SF9999',
        'requirements:',
        '  - id: SF9999-R01',
        '    level: SHALL',
        '    text: The system looks the person up.',
        '    source: The official contract of Demo v1',
        `    sourceDa: ${sourceDa}`,
      ].join('\n');
    const parsed = parseRequirements(file('Den officielle kontrakt for Demo v1'), 'requirements.yaml');
    expect(parsed.requirements[0]).toMatchObject({
      source: 'The official contract of Demo v1',
      sourceDa: 'Den officielle kontrakt for Demo v1',
    });
    expect(problemsOf(file('""'))).toMatchObject([
      { code: 'requirements-invalid', line: 7, field: 'requirements.0.sourceDa' },
    ]);
  });

  it('reports an id used twice at its second place, naming the first', () => {
    const requirement = (line: string) => [`  - id: ${line}`, '    level: SHALL', '    text: x', '    source: y'];
    const problems = problemsOf(
      ['integration: SF9999', 'requirements:', ...requirement('SF9999-R01'), ...requirement('SF9999-R01')].join('\n'),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'requirements-duplicate-id',
        line: 7,
        message: expect.stringMatching(/already used at line 3/),
      }),
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problemsOf('integration: SF9999\nrequirements: [\n')[0]).toMatchObject({
      code: 'requirements-yaml',
      line: expect.any(Number),
    });
  });

  it('says where a missing file was looked for', async () => {
    await expect(loadRequirements('/nonexistent/requirements.yaml')).rejects.toThrow(
      /\/nonexistent\/requirements.yaml: There is no requirements file/,
    );
  });
});

describe('requirements generated from catalogue data', () => {
  it('are held to the rules of a requirements.yaml: the id pattern, a level, a source, unique ids', () => {
    const one = { id: 'SF9812-G-PARKERING-HENT-VALID', level: 'SHALL', text: 'Valid.', source: 'the contract' };
    expect(
      checkGeneratedRequirements({ integration: 'SF9812', requirements: [one] }, 'generic suite SF9812').requirements,
    ).toHaveLength(1);
    expect(() =>
      checkGeneratedRequirements(
        { integration: 'SF9812', requirements: [{ ...one, id: 'sf9812-g-x' }] },
        'generic suite SF9812',
      ),
    ).toThrow(/generic suite SF9812: requirements.0.id: Write the id/);
    expect(() =>
      checkGeneratedRequirements({ integration: 'SF9812', requirements: [one, one] }, 'generic suite SF9812'),
    ).toThrow(/SF9812-G-PARKERING-HENT-VALID is generated twice/);
  });
});
