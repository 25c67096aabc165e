import { describe, expect, it } from 'vitest';
import { tempDirs } from './test-fixtures/temp-dirs.ts';
import { loadCatalog } from './load-catalog.ts';
import { currentVersion, findIntegration } from './query.ts';
import { copyValidFixture, editFile, lineOf } from './test-fixtures/fixture-copy.ts';

const temp = tempDirs();
const fixture = async () => {
  const dir = temp.removeAfter(await copyValidFixture());
  return dir;
};

/** A version whose number KOMBIT's sources do not give leaves `version` out. */
describe('an integration version without a number', () => {
  it('is accepted, keeps its lifecycle and services, and is the current version', async () => {
    const dir = await fixture();
    await editFile(
      dir,
      'integrations/SF1514.yaml',
      '  - version: "1"\n    lifecycle: I drift',
      '  - lifecycle: I drift',
    );
    const { catalog, problems } = await loadCatalog(dir);
    expect(problems).toEqual([]);
    const current = currentVersion(catalog, 'SF1514')!;
    expect(current).toMatchObject({ lifecycle: 'I drift', services: [{ name: 'SecurityTokenService', version: '1' }] });
    expect(current.version).toBeUndefined();
  });

  it('still needs a lifecycle', async () => {
    const dir = await fixture();
    await editFile(
      dir,
      'integrations/SF1514.yaml',
      '  - version: "1"\n    lifecycle: I drift\n    services:',
      '  - services:',
    );
    const problems = (await loadCatalog(dir)).problems;
    expect(problems).toMatchObject([
      { name: 'missing-field', file: 'integrations/SF1514.yaml', line: 11, path: 'versions[0].lifecycle' },
    ]);
    expect(problems[0]!.fix).toContain('Add "lifecycle:" with one of: "Kommende", "I drift"');
  });

  it('may appear once: a second one is reported with file, line, field and a fix', async () => {
    const dir = await fixture();
    await editFile(
      dir,
      'integrations/SF1520.yaml',
      '  - version: "3"\n    lifecycle: Udfaset',
      '  - lifecycle: Udfaset',
    );
    const edited = await editFile(
      dir,
      'integrations/SF1520.yaml',
      '  - version: "5"\n    lifecycle: Kommende',
      '  - lifecycle: Kommende',
    );
    const { problems } = await loadCatalog(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      name: 'unnumbered-version-twice',
      code: 'KM-CAT-028',
      severity: 'error',
      file: 'integrations/SF1520.yaml',
      line: lineOf(edited, 'lifecycle: Kommende'),
      path: 'versions[2]',
    });
    expect(problems[0]!.message).toContain(`integrations/SF1520.yaml:${lineOf(edited, 'lifecycle: Udfaset')}`);
    expect(problems[0]!.fix).toMatch(/Write the version number the sources give/);
  });

  it('is left out of the ordering check, which still applies to the numbered versions around it', async () => {
    const dir = await fixture();
    await editFile(
      dir,
      'integrations/SF1520.yaml',
      '  - version: "4"\n    lifecycle: I drift',
      '  - lifecycle: I drift',
    );
    expect((await loadCatalog(dir)).problems).toEqual([]);
    await editFile(
      dir,
      'integrations/SF1520.yaml',
      'version: "5"\n    lifecycle: Kommende',
      'version: "2"\n    lifecycle: Kommende',
    );
    expect((await loadCatalog(dir)).problems).toMatchObject([
      { name: 'versions-out-of-order', path: 'versions[2].version' },
    ]);
  });

  it('sorts where it is listed, so a coming numbered version after it does not displace it', async () => {
    const dir = await fixture();
    await editFile(
      dir,
      'integrations/SF1520.yaml',
      '  - version: "4"\n    lifecycle: I drift',
      '  - lifecycle: I drift',
    );
    const { catalog } = await loadCatalog(dir);
    const integration = findIntegration(catalog, 'SF1520')!;
    expect(currentVersion(integration)).toBe(integration.versions[1]);
    expect(currentVersion(integration)?.version).toBeUndefined();
  });
});
