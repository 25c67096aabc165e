import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../load-catalog.ts';
import { copyValidFixture, editFile } from '../test-fixtures/fixture-copy.ts';
import { tempDirs } from '../test-fixtures/temp-dirs.ts';
import { integrationId, integrationIdForms } from './integration-id.ts';

const temp = tempDirs();

describe("KOMBIT's integration id forms", () => {
  it.each(['SF1500', 'SF0787', 'SF1590_A', 'SF1460_D', 'SF1590_B_01', 'SAPA-dialog'])('accepts %s', (id) => {
    expect(integrationId.safeParse(id).success).toBe(true);
  });

  it.each([
    'SF-1999',
    'SF 1500',
    'sf1500',
    'SF150',
    'SF15000',
    'SF1590-A',
    'SF1590_a',
    'SF1590_B_1',
    'SF1590_B_01_V3',
    'SF1520_3.6',
    'SF-dialog',
    'SAPA',
    'Sapa-dialog',
    'SAPA-Dialog',
    '1500',
  ])('refuses %s', (id) => {
    expect(integrationId.safeParse(id).success).toBe(false);
  });

  it('gives an example of each form, and each example is accepted', () => {
    for (const form of integrationIdForms) {
      expect(form.examples.length).toBeGreaterThan(0);
      for (const example of form.examples) expect(integrationId.safeParse(example).success, example).toBe(true);
    }
  });
});

describe('an integration whose id is in none of the forms', () => {
  it('is refused with the forms in the message (issue 9: SF-1999 passed)', async () => {
    const dir = temp.removeAfter(await copyValidFixture());
    await writeFile(
      join(dir, 'integrations/SF-1999.yaml'),
      [
        '$schema: ../../schema/generated/integration.schema.json',
        'id: SF-1999',
        'title: Kopi',
        'publicInformation: kun-titel',
        'sources: [https://example.org]',
        '',
      ].join('\n'),
    );
    const { problems } = await loadCatalog(dir);
    expect(problems.map((p) => [p.name, p.file, p.line, p.path])).toEqual([
      ['invalid-value', 'integrations/SF-1999.yaml', 2, 'id'],
    ]);
    const [problem] = problems;
    for (const example of ['SF1500', 'SF1590_A', 'SF1590_B_01', 'SAPA-dialog'])
      expect(problem!.message).toContain(example);
    expect(problem!.message).toContain('"SF-1999"');
    expect(problem!.fix).toContain('SF1999');
  });

  it('is refused where another file refers to it, too', async () => {
    const dir = temp.removeAfter(await copyValidFixture());
    await editFile(dir, 'integrations/SF1500.yaml', 'prerequisites: [SF1514]', 'prerequisites: [SF 1514]');
    const { problems } = await loadCatalog(dir);
    expect(problems).toMatchObject([
      { name: 'invalid-value', file: 'integrations/SF1500.yaml', path: 'prerequisites[0]' },
    ]);
    expect(problems[0]!.message).toContain('SF1590_A');
    expect(problems[0]!.fix).toContain('SF1514');
  });

  it('names the integration version, not a second id, for a description number such as SF1520_3.6', async () => {
    const dir = temp.removeAfter(await copyValidFixture());
    await editFile(dir, 'integrations/SF1500.yaml', 'prerequisites: [SF1514]', 'prerequisites: [SF1514_1.0]');
    const [problem] = (await loadCatalog(dir)).problems;
    expect(problem!.fix).toMatch(/SF1514.*version 1\.0/);
  });
});
