import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from './test-fixtures/temp-dirs.ts';
import { loadCatalog } from './load-catalog.ts';
import { copyValidFixture, editFile } from './test-fixtures/fixture-copy.ts';

const temp = tempDirs();
const fixture = async () => {
  const dir = temp.removeAfter(await copyValidFixture());
  return dir;
};

describe('loadCatalog', () => {
  it('reports a missing directory as a problem instead of throwing', async () => {
    const { catalog, problems } = await loadCatalog(join(tmpdir(), 'klarmeld-no-such-dir'));
    expect(catalog.integrations).toEqual([]);
    expect(problems.map((p) => p.name)).toEqual(['missing-data']);
  });

  it('reports each missing top-level file of an empty directory once', async () => {
    const dir = await temp.make('klarmeld-empty-');
    const { problems } = await loadCatalog(dir);
    expect(problems.map((p) => p.file).sort()).toEqual([
      'integration-packages.yaml',
      'municipalities.yaml',
      'onboarding-statuses.yaml',
      'service-areas.yaml',
      'suppliers.yaml',
      'systems.yaml',
    ]);
  });

  it('reports a file it does not know, and skips notes written in Markdown', async () => {
    const dir = await fixture();
    await writeFile(join(dir, 'integrations.yaml'), 'x: 1\n');
    await writeFile(join(dir, 'README.md'), '# notes\n');
    await mkdir(join(dir, 'integrations', 'old'));
    await writeFile(join(dir, 'integrations', 'old', 'SF1000.yaml'), 'id: SF1000\n');
    const { problems } = await loadCatalog(dir);
    expect(problems.map((p) => `${p.name} ${p.file}`)).toEqual([
      'unknown-file integrations.yaml',
      'unknown-file integrations/old/SF1000.yaml',
    ]);
  });

  it('collects every YAML syntax error of a file with its position', async () => {
    const dir = await fixture();
    await editFile(dir, 'systems.yaml', 'name: Jobcenter Plus', 'name: Jobcenter Plus\n    name: Twice');
    await editFile(dir, 'service-areas.yaml', 'name: Økonomi', 'name: "Økonomi');
    const { problems } = await loadCatalog(dir);
    const syntax = problems.filter((p) => p.name === 'yaml-syntax');
    expect(new Set(syntax.map((p) => p.file))).toEqual(new Set(['systems.yaml', 'service-areas.yaml']));
    expect(syntax.find((p) => p.file === 'systems.yaml')).toMatchObject({ line: 5, code: 'KM-CAT-001' });
    // References to a broken file's contents are not reported: they would only echo the syntax error.
    expect(problems.every((p) => p.name === 'yaml-syntax')).toBe(true);
  });

  it('suggests the field a misspelt one probably meant', async () => {
    const dir = await fixture();
    await editFile(dir, 'integrations/SF1500.yaml', 'serviceUuid:', 'serviceUUID:');
    const [problem] = (await loadCatalog(dir)).problems;
    expect(problem).toMatchObject({
      name: 'unknown-field',
      path: 'versions[1].services[0].serviceUUID',
      line: 22,
      column: 9,
    });
    expect(problem!.fix).toContain('"serviceUuid"');
  });

  it('checks that an integration file is named after its id', async () => {
    const dir = await fixture();
    await editFile(dir, 'integrations/SF1461.yaml', 'id: SF1461', 'id: SF1462');
    const names = (await loadCatalog(dir)).problems.map((p) => p.name);
    expect(names).toContain('file-name-mismatch');
  });

  it('warns when a replacement is recorded on one side only, and keeps the catalogue valid', async () => {
    const dir = await fixture();
    await editFile(dir, 'integrations/SF1460_A.yaml', 'replacedBy: [SF1461]\n', '');
    const { problems } = await loadCatalog(dir);
    expect(problems).toMatchObject([
      { name: 'replaced-by-not-mutual', severity: 'warning', file: 'integrations/SF1461.yaml', path: 'replaces[0]' },
    ]);
  });

  it('refuses services on an integration of which only the title is public', async () => {
    const dir = await fixture();
    await editFile(
      dir,
      'integrations/SF1461.yaml',
      'sources:',
      'versions:\n  - version: "1"\n    lifecycle: I drift\n    services:\n      - { name: X, version: "1", protocol: REST, security: [jwt] }\nsources:',
    );
    expect((await loadCatalog(dir)).problems).toMatchObject([
      { name: 'title-only-has-services', path: 'versions[0].services' },
    ]);
  });

  it('requires a reason for a status that needs one', async () => {
    const dir = await fixture();
    await editFile(dir, 'systems.yaml', 'status: klarmeldt', 'status: irrelevant');
    expect((await loadCatalog(dir)).problems).toMatchObject([
      { name: 'reason-missing', path: 'systems[0].statuses[0]' },
    ]);
  });

  it('warns when a file does not name its JSON Schema', async () => {
    const dir = await fixture();
    await editFile(dir, 'suppliers.yaml', '$schema: ../schema/generated/suppliers.schema.json\n', '');
    expect((await loadCatalog(dir)).problems).toMatchObject([{ name: 'schema-reference', severity: 'warning' }]);
  });
});

describe('loadCatalog on odd files', () => {
  it('reports an empty file as a problem with the fields it should hold', async () => {
    const dir = await fixture();
    await writeFile(join(dir, 'suppliers.yaml'), '');
    const { problems } = await loadCatalog(dir);
    expect(problems.find((p) => p.file === 'suppliers.yaml' && p.name === 'wrong-type')?.fix).toContain('suppliers');
  });

  it('reports a key written twice as a syntax error with its position', async () => {
    const dir = await fixture();
    await editFile(dir, 'integrations/SF1514.yaml', 'kind: funktion', 'kind: funktion\nkind: opslag');
    expect((await loadCatalog(dir)).problems).toMatchObject([
      { name: 'yaml-syntax', file: 'integrations/SF1514.yaml', line: 7, column: 1 },
    ]);
  });
});

describe('declared exceptions', () => {
  it('warns about an exception for an integration the system is not asked for', async () => {
    const dir = await fixture();
    await editFile(dir, 'systems.yaml', '- integration: SF1461', '- integration: SF1460_A');
    expect((await loadCatalog(dir)).problems).toMatchObject([
      { name: 'exception-not-required', severity: 'warning', path: 'systems[0].exceptions[0].integration' },
    ]);
  });
});
