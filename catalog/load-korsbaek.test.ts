import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyValidFixture, editFile, lineOf } from './test-fixtures/fixture-copy.ts';
import { tempDirs } from './test-fixtures/temp-dirs.ts';
import { defaultDataDir, loadCatalog } from './load-catalog.ts';
import { loadKorsbaek } from './load-korsbaek.ts';

const temp = tempDirs();

/** A copy of the shipped Korsbæk data in a small valid catalogue. */
async function catalogueWithKorsbaek(): Promise<string> {
  const dir = temp.removeAfter(await copyValidFixture());
  await cp(join(defaultDataDir(), 'korsbaek'), join(dir, 'korsbaek'), { recursive: true });
  return dir;
}

describe("Korsbæk's test data in the catalogue", () => {
  it('is loaded whole, by loadCatalog and by loadKorsbaek alike, without problems', async () => {
    const [{ catalog, problems }, alone] = await Promise.all([loadCatalog(), loadKorsbaek()]);
    expect(problems.filter((p) => p.file.startsWith('korsbaek/'))).toEqual([]);
    expect(alone.problems).toEqual([]);
    expect(alone.korsbaek).toEqual(catalog.korsbaek);
    expect(catalog.korsbaek.persons?.persons.length).toBe(8);
    expect(catalog.korsbaek.organisation?.users.map((u) => u.userId)).toContain('ULJA');
    expect(catalog.korsbaek.classes?.classes.map((c) => c.number)).toEqual(['00', '01', '02', '03', '17']);
    expect(catalog.korsbaek.cases?.cases.map((c) => c.sagsnummer)).toEqual([
      'BYG-2024-0117',
      'BOL-2024-0042',
      'UDD-2023-0007',
    ]);
  });

  it('is optional: a catalogue without korsbaek/ has none and no problem for it', async () => {
    const { catalog, problems } = await loadCatalog(temp.removeAfter(await copyValidFixture()));
    expect(catalog.korsbaek).toEqual({});
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reports a wrong value at its file, line and field, and leaves that part out', async () => {
    const dir = await catalogueWithKorsbaek();
    const text = await editFile(
      dir,
      'korsbaek/persons.yaml',
      'koen: M\n    foedselsdato: 1968',
      'koen: X\n    foedselsdato: 1968',
    );
    const { catalog, problems } = await loadCatalog(dir);
    expect(catalog.korsbaek.persons).toBeUndefined();
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'korsbaek/persons.yaml',
        line: lineOf(text, 'koen: X'),
        path: 'persons[1].koen',
        severity: 'error',
      }),
    );
    expect((await loadKorsbaek(dir)).problems.map((p) => [p.file, p.line, p.path])).toContainEqual([
      'korsbaek/persons.yaml',
      lineOf(text, 'koen: X'),
      'persons[1].koen',
    ]);
  });

  it("reports a reference to nothing: a case's class, a user's unit, a person's child", async () => {
    const dir = await catalogueWithKorsbaek();
    const cases = await editFile(
      dir,
      'korsbaek/cases.yaml',
      'sagsklasse: 0a225571-bede-4a0f-b464-eb8b0e66bb43',
      'sagsklasse: 0a225571-bede-4a0f-b464-000000000000',
    );
    const organisation = await editFile(
      dir,
      'korsbaek/organisation.yaml',
      'unit: effcc76a-7150-4a28-b8a2-816d8ee4117d\n    functions',
      'unit: 00000000-7150-4a28-b8a2-816d8ee4117d\n    functions',
    );
    const persons = await editFile(
      dir,
      'korsbaek/persons.yaml',
      'boern: ["2408124117", "0709991112"] }\n  - pnr: "1204681113"',
      'boern: ["2408124117", "0709991119"] }\n  - pnr: "1204681113"',
    );
    const { problems } = await loadKorsbaek(dir);
    expect(problems.map((p) => [p.code, p.file, p.line, p.path])).toEqual([
      [
        'KM-CAT-010',
        'korsbaek/cases.yaml',
        lineOf(cases, '0a225571-bede-4a0f-b464-000000000000'),
        'cases[0].sagsklasse',
      ],
      ['KM-CAT-010', 'korsbaek/organisation.yaml', lineOf(organisation, 'unit: 00000000'), 'users[2].unit'],
      ['KM-CAT-010', 'korsbaek/persons.yaml', lineOf(persons, '0709991119'), 'persons[0].relationer.boern[1]'],
    ]);
    expect((await loadCatalog(dir)).problems.filter((p) => p.file.startsWith('korsbaek/'))).toHaveLength(3);
  });
});
