import { describe, expect, it } from 'vitest';
import { loadCatalog } from './load-catalog.ts';
import { copyValidFixture, editFile, lineOf } from './test-fixtures/fixture-copy.ts';
import { tempDirs } from './test-fixtures/temp-dirs.ts';

const temp = tempDirs();
const file = 'integrations/SF1500.yaml';

/** The fixture's SF1500 with Bruger's operations replaced by `lines` (each at the list's indent). */
async function withBrugerOperations(...lines: string[]): Promise<{ dir: string; text: string }> {
  const dir = temp.removeAfter(await copyValidFixture());
  const text = await editFile(
    dir,
    file,
    '        operations:\n          - name: laes\n',
    `        operations:\n${lines.map((l) => `          - ${l}\n`).join('')}`,
  );
  return { dir, text };
}

const brief = (problems: { name: string; file: string; line?: number; path?: string }[]) =>
  problems.map((p) => [p.name, p.file, p.line, p.path]);

describe('catalog check on the operations of a service', () => {
  it('reports an operation listed twice by name, at the second, naming the first', async () => {
    const { dir, text } = await withBrugerOperations('{ name: laes }', '{ name: soeg }', '{ name: laes }');
    const { problems } = await loadCatalog(dir);
    const second = text.indexOf('{ name: laes }', text.indexOf('{ name: soeg }'));
    const line = text.slice(0, second).split('\n').length;
    expect(brief(problems)).toEqual([
      ['duplicate-operation', file, line, 'versions[1].services[0].operations[2].name'],
    ]);
    expect(problems[0]!.code).toBe('KM-CAT-032');
    expect(problems[0]!.message).toContain(
      `lists the operation "laes" twice (first at ${file}:${lineOf(text, '{ name: laes }')}`,
    );
  });

  it('reports two operations with one soapAction, and never compares operations that have none', async () => {
    const action = 'http://kombit.dk/sts/organisation/bruger/laes';
    const { dir, text } = await withBrugerOperations(
      `{ name: laes, soapAction: "${action}" }`,
      `{ name: list, soapAction: "${action}" }`,
      '{ name: soeg }',
      '{ name: ret }',
    );
    const { problems } = await loadCatalog(dir);
    expect(brief(problems)).toEqual([
      ['duplicate-operation', file, lineOf(text, '{ name: list'), 'versions[1].services[0].operations[1].soapAction'],
    ]);
    expect(problems[0]!.message).toContain(
      '"laes" and "list" have the same soapAction http://kombit.dk/sts/organisation/bruger/laes',
    );
  });

  it('reports a contract imported a second time under another name: two services of one version with the same soapActions', async () => {
    const dir = temp.removeAfter(await copyValidFixture());
    const op = '{ name: laes, soapAction: "http://kombit.dk/sts/organisation/bruger/laes" }';
    const text = await editFile(
      dir,
      file,
      '        operations:\n          - name: laes\n',
      [
        '        operations:',
        `          - ${op}`,
        '      - name: BrugerService',
        '        version: "6"',
        '        protocol: SOAP 1.1',
        '        security: [saml-token]',
        '        operations:',
        `          - ${op}`,
        '',
      ].join('\n'),
    );
    const { problems } = await loadCatalog(dir);
    const at = text.indexOf(op, text.indexOf('name: BrugerService'));
    expect(brief(problems)).toEqual([
      ['overlapping-services', file, text.slice(0, at).split('\n').length, 'versions[1].services[1].operations[0]'],
    ]);
    expect(problems[0]!.code).toBe('KM-CAT-033');
    expect(problems[0]!.message).toContain(
      'BrugerService 6 and Bruger 6 both list the operation with soapAction http://kombit.dk/sts/organisation/bruger/laes',
    );
  });

  it('reports an operation of another integration (a bundle’s service imported into the wrong integration)', async () => {
    const dir = temp.removeAfter(await copyValidFixture());
    const op = '{ name: laes, soapAction: "http://kombit.dk/sts/organisation/bruger/laes" }';
    await editFile(
      dir,
      file,
      '        operations:\n          - name: laes\n',
      `        operations:\n          - ${op}\n`,
    );
    const sf1520 = await editFile(
      dir,
      'integrations/SF1520.yaml',
      '        version: "4"\n',
      `        version: "4"\n        operations:\n          - ${op}\n`,
    );
    const { problems } = await loadCatalog(dir);
    expect(brief(problems)).toEqual([
      ['overlapping-services', 'integrations/SF1520.yaml', lineOf(sf1520, op), 'versions[1].services[0].operations[0]'],
    ]);
    expect(problems[0]!.message).toContain("which is SF1500 Bruger's (at integrations/SF1500.yaml:");
  });

  it('reports a service listed twice in one version by name and version', async () => {
    const dir = temp.removeAfter(await copyValidFixture());
    const text = await editFile(
      dir,
      file,
      '        operations:\n          - name: laes\n',
      [
        '        operations:',
        '          - name: laes',
        '      - name: Bruger',
        '        version: "6"',
        '        protocol: SOAP 1.1',
        '        security: [saml-token]',
        '',
      ].join('\n'),
    );
    const { problems } = await loadCatalog(dir);
    const second = text.indexOf('- name: Bruger', text.indexOf('- name: laes'));
    expect(brief(problems)).toEqual([
      ['overlapping-services', file, text.slice(0, second).split('\n').length, 'versions[1].services[1].name'],
    ]);
  });
});
