import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, loadCatalog } from './load-catalog.ts';
import { copyValidFixture, editFile, lineOf } from './test-fixtures/fixture-copy.ts';
import { tempDirs } from './test-fixtures/temp-dirs.ts';

const temp = tempDirs();

/** The fixture's SF1520 service with every key the check compares: ServiceUUID, entity ID, an endpoint per environment. */
const keyedService = [
  'serviceUuid: e6be2436-bf35-4df2-83fe-925142825dc2',
  '        entityId: http://cpr.serviceplatformen.dk/service/personbasedataextended/4',
  '        endpoints:',
  '          local: /service/CPR/PersonBaseDataExtended/4',
  '          externalTest: https://exttest.serviceplatformen.dk/service/CPR/PersonBaseDataExtended/4',
  '          production: https://prod.serviceplatformen.dk/service/CPR/PersonBaseDataExtended/4',
].join('\n');

async function fixtureWithKeys(): Promise<{ dir: string; sf1520: string }> {
  const dir = temp.removeAfter(await copyValidFixture());
  const sf1520 = await editFile(
    dir,
    'integrations/SF1520.yaml',
    'serviceUuid: e6be2436-bf35-4df2-83fe-925142825dc2',
    keyedService,
  );
  return { dir, sf1520 };
}

const copyAs = async (dir: string, from: string, to: string, text: string) =>
  writeFile(join(dir, `integrations/${to}.yaml`), text.replace(`id: ${from}`, `id: ${to}`));

describe('a copy of an integration saved under another SF number', () => {
  it('is refused: every ServiceUUID, entity ID and endpoint it repeats, each naming both files, line and field', async () => {
    const { dir, sf1520 } = await fixtureWithKeys();
    expect((await loadCatalog(dir)).problems).toEqual([]);
    await copyAs(dir, 'SF1520', 'SF1999', sf1520);
    const { problems } = await loadCatalog(dir);
    const field = (name: string) => `versions[1].services[0].${name}`;
    expect(problems.map((p) => [p.name, p.file, p.line, p.path])).toEqual([
      ['duplicate-service-uuid', 'integrations/SF1999.yaml', lineOf(sf1520, 'serviceUuid:'), field('serviceUuid')],
      ['duplicate-entity-id', 'integrations/SF1999.yaml', lineOf(sf1520, 'entityId:'), field('entityId')],
      ['duplicate-endpoint', 'integrations/SF1999.yaml', lineOf(sf1520, 'local:'), field('endpoints.local')],
      [
        'duplicate-endpoint',
        'integrations/SF1999.yaml',
        lineOf(sf1520, 'externalTest:'),
        field('endpoints.externalTest'),
      ],
      ['duplicate-endpoint', 'integrations/SF1999.yaml', lineOf(sf1520, 'production:'), field('endpoints.production')],
    ]);
    for (const problem of problems) {
      expect(problem.severity).toBe('error');
      expect(problem.code).toMatch(/^KM-CAT-\d{3}$/);
      // The other file, its line and its field, so the reader can open both.
      // The copy is line for line the original, so the first place has the same line and field.
      expect(problem.message).toContain(`integrations/SF1520.yaml:${problem.line} (${problem.path})`);
      expect(problem.message).toContain('SF1520');
      expect(problem.fix).toContain('integrations/SF1520.yaml');
    }
    expect(problems[0]!.message).toContain('e6be2436-bf35-4df2-83fe-925142825dc2');
    expect(problems[0]!.message).toMatch(/service agreement for SF1999 would authorise calls to SF1520/);
  });

  it('is refused in the shipped catalogue too (issue 9: a copy of SF1520 as SF1999)', async () => {
    const dir = await temp.make('klarmeld-shipped-');
    await cp(defaultDataDir(), dir, { recursive: true });
    const sf1520 = await readFile(join(dir, 'integrations/SF1520.yaml'), 'utf8');
    await copyAs(dir, 'SF1520', 'SF1999', sf1520);
    const { problems } = await loadCatalog(dir);
    expect(problems.length).toBeGreaterThan(0);
    expect(
      problems.every((p) => p.file === 'integrations/SF1999.yaml' && p.message.includes('integrations/SF1520.yaml:')),
    ).toBe(true);
    expect(new Set(problems.map((p) => p.name))).toEqual(
      new Set(['duplicate-service-uuid', 'duplicate-entity-id', 'duplicate-endpoint']),
    );
    // Every key SF1520 has is caught, not only the first.
    const keys = sf1520.match(/^\s+(serviceUuid|entityId|local|externalTest|production): /gm)!.length;
    expect(problems).toHaveLength(keys);
  });

  it('is refused when the copy changes only the case of the host or adds a trailing slash', async () => {
    const { dir, sf1520 } = await fixtureWithKeys();
    const copy = sf1520
      .replace(/^ *serviceUuid: .*\n/m, '')
      .replace(/^ *entityId: .*\n/m, '')
      .replace(/^ *local: .*\n/m, '')
      .replace(
        'https://exttest.serviceplatformen.dk/service/CPR/PersonBaseDataExtended/4',
        'https://EXTTEST.serviceplatformen.dk:443/service/CPR/PersonBaseDataExtended/4/',
      )
      .replace(/^ *production: .*\n/m, '');
    await copyAs(dir, 'SF1520', 'SF1999', copy);
    expect((await loadCatalog(dir)).problems.map((p) => [p.name, p.path])).toEqual([
      ['duplicate-endpoint', 'versions[1].services[0].endpoints.externalTest'],
    ]);
  });
});

describe('ServiceUUIDs, entity IDs and endpoints within one integration', () => {
  const addVersion = (services: string) => `  - version: "5"\n    lifecycle: Kommende\n    services:\n${services}`;
  const service = (name: string, version: string, lines: string[]) =>
    [
      `      - name: ${name}`,
      `        version: "${version}"`,
      '        protocol: SOAP 1.1',
      '        security: [context]',
      ...lines.map((l) => `        ${l}`),
    ].join('\n') + '\n';

  it('may repeat for the same service listed again in a later version of the integration', async () => {
    const { dir } = await fixtureWithKeys();
    await editFile(
      dir,
      'integrations/SF1520.yaml',
      '  - version: "5"\n    lifecycle: Kommende\n',
      addVersion(
        service('PersonBaseDataExtendedService', '4', [
          'serviceUuid: e6be2436-bf35-4df2-83fe-925142825dc2',
          'entityId: http://cpr.serviceplatformen.dk/service/personbasedataextended/4',
          'endpoints: { local: /service/CPR/PersonBaseDataExtended/4 }',
        ]),
      ),
    );
    expect((await loadCatalog(dir)).problems).toEqual([]);
  });

  it('may share an entity ID between its services, as SF1500 does (one token audience for Organisation)', async () => {
    const { dir } = await fixtureWithKeys();
    await editFile(
      dir,
      'integrations/SF1520.yaml',
      '  - version: "5"\n    lifecycle: Kommende\n',
      addVersion(
        service('CPRQueryService', '2', ['entityId: http://cpr.serviceplatformen.dk/service/personbasedataextended/4']),
      ),
    );
    expect((await loadCatalog(dir)).problems).toEqual([]);
  });

  it('refuses a ServiceUUID or endpoint that two different services share, naming the first', async () => {
    const { dir } = await fixtureWithKeys();
    const text = await editFile(
      dir,
      'integrations/SF1520.yaml',
      '  - version: "5"\n    lifecycle: Kommende\n',
      addVersion(
        service('CPRQueryService', '2', [
          'serviceUuid: e6be2436-bf35-4df2-83fe-925142825dc2',
          'endpoints: { production: "https://prod.serviceplatformen.dk/service/CPR/PersonBaseDataExtended/4" }',
        ]),
      ),
    );
    const { problems } = await loadCatalog(dir);
    const lastLineOf = (needle: string) => text.slice(0, text.lastIndexOf(needle)).split('\n').length;
    expect(problems.map((p) => [p.name, p.line, p.path])).toEqual([
      ['duplicate-service-uuid', lastLineOf('serviceUuid:'), 'versions[2].services[0].serviceUuid'],
      ['duplicate-endpoint', lastLineOf('production:'), 'versions[2].services[0].endpoints.production'],
    ]);
    expect(problems[0]!.message).toContain(
      `integrations/SF1520.yaml:${lineOf(text, 'serviceUuid')} (versions[1].services[0].serviceUuid)`,
    );
    expect(problems[0]!.message).toContain('PersonBaseDataExtendedService 4');
  });

  it('refuses the same service listed twice in one version', async () => {
    const { dir } = await fixtureWithKeys();
    await editFile(
      dir,
      'integrations/SF1520.yaml',
      '  - version: "5"\n',
      `${service('PersonBaseDataExtendedService', '4', ['serviceUuid: e6be2436-bf35-4df2-83fe-925142825dc2'])}  - version: "5"\n`,
    );
    const { problems } = await loadCatalog(dir);
    expect(problems.map((p) => [p.name, p.path])).toEqual([
      ['duplicate-service-uuid', 'versions[1].services[1].serviceUuid'],
    ]);
    expect(problems[0]!.fix).toMatch(/once/);
  });
});

describe('the Beskedfordeler broker address', () => {
  it('is left alone: every AMQP service of every integration connects to it (SF1461 BeskedHent, SF1462 BeskedAfsend)', async () => {
    const dir = temp.removeAfter(await copyValidFixture());
    const broker = 'amqps://beskedfordeler.eksterntest-stoettesystemerne.dk:5671';
    const amqp = (name: string) =>
      [
        `      - name: ${name}`,
        '        version: "2"',
        '        protocol: AMQP',
        '        security: [saml-token]',
        `        endpoints: { externalTest: "${broker}" }`,
      ].join('\n') + '\n';
    await editFile(
      dir,
      'integrations/SF1520.yaml',
      '  - version: "5"\n    lifecycle: Kommende\n',
      `  - version: "5"\n    lifecycle: Kommende\n    services:\n${amqp('BeskedHent')}`,
    );
    await editFile(dir, 'integrations/SF1514.yaml', '    services:\n', `    services:\n${amqp('BeskedAfsend')}`);
    expect((await loadCatalog(dir)).problems).toEqual([]);
  });
});
