import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from './load-catalog.ts';
import { copyValidFixture, editFile } from './test-fixtures/fixture-copy.ts';
import { tempDirs } from './test-fixtures/temp-dirs.ts';

const temp = tempDirs();
/** The valid fixture, with SF1520's PersonLookup and its request element, as import-contract writes them. */
async function withImportedSf1520(): Promise<string> {
  const dir = temp.removeAfter(await copyValidFixture());
  const uuid = '        serviceUuid: e6be2436-bf35-4df2-83fe-925142825dc2\n';
  await editFile(
    dir,
    'integrations/SF1520.yaml',
    uuid,
    `${uuid}        operations:\n          - name: PersonLookup\n            input: { element: PersonLookupRequest, namespace: "urn:x", fields: [] }\n`,
  );
  return dir;
}

const brief = (problems: { name: string; file: string; path?: string; severity: string }[]) =>
  problems.map((p) => [p.name, p.file, p.path, p.severity]);

describe('catalog check on Korsbæk samples and unpublished contracts (issue 12)', () => {
  it('reports samples for an unknown integration, service or operation, where they are written', async () => {
    const dir = await withImportedSf1520();
    await mkdir(join(dir, 'samples'));
    await writeFile(
      join(dir, 'samples', 'SF1520.yaml'),
      [
        '$schema: ../../schema/generated/samples.schema.json',
        'integration: SF1520',
        'samples:',
        '  - { service: PersonBaseDataExtendedService, operation: PersonLookup, field: fornavn, values: [Anne] }',
        '  - { service: PersonService, field: fornavn, values: [Anne] }',
        '  - { operation: PersonSearch, field: fornavn, values: [Anne] }',
        '',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'samples', 'SF9999.yaml'),
      '$schema: ../../schema/generated/samples.schema.json\nintegration: SF9999\nsamples: [{ field: x, values: [y] }]\n',
    );
    const { problems } = await loadCatalog(dir);
    expect(brief(problems)).toEqual([
      ['dangling-reference', 'samples/SF1520.yaml', 'samples[1].service', 'error'],
      ['dangling-reference', 'samples/SF1520.yaml', 'samples[2].operation', 'error'],
      ['dangling-reference', 'samples/SF9999.yaml', 'integration', 'error'],
    ]);
  });

  it('reports an integration listed as without a published contract whose contract is in the catalogue, or that does not exist', async () => {
    const dir = await withImportedSf1520();
    await writeFile(
      join(dir, 'unpublished-contracts.yaml'),
      [
        '$schema: ../schema/generated/unpublished-contracts.schema.json',
        'contracts:',
        '  - { integration: SF1460_A, status: kontrakt ikke offentliggjort, reason: Not public. }',
        '  - { integration: SF1520, status: kontrakt ikke offentliggjort, reason: Not public. }',
        '  - { integration: SF9998, status: kontrakt ikke offentliggjort, reason: Not public. }',
        '',
      ].join('\n'),
    );
    const { problems, catalog } = await loadCatalog(dir);
    expect(brief(problems)).toEqual([
      ['invalid-value', 'unpublished-contracts.yaml', 'contracts[1].integration', 'error'],
      ['dangling-reference', 'unpublished-contracts.yaml', 'contracts[2].integration', 'error'],
    ]);
    expect(catalog.unpublishedContracts.map((u) => u.integration)).toEqual(['SF1460_A', 'SF1520', 'SF9998']);
  });
});
