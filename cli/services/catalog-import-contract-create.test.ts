import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import { officialContractsDir } from '../../catalog/index.ts';
import { copyValidFixture, lineOf } from '../../catalog/test-fixtures/fixture-copy.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const demoService = join(officialContractsDir(), 'Serviceplatformen__demoservice-client-net/contracts');
const temp = tempDirs();
const klarmeld = (...args: string[]) =>
  spawnSync(process.execPath, [join(repo, 'bin/klarmeld.js'), 'catalog', 'import-contract', ...args], {
    encoding: 'utf8',
    cwd: repo,
  });

describe('klarmeld catalog import-contract --create', () => {
  it('writes a new integration from the DemoService bundle that catalog check reports only the hand-filled fields of, and that loads once they are filled', async () => {
    const dir = temp.removeAfter(await copyValidFixture());
    const r = klarmeld(demoService, '--integration', 'SF0101', '--version', '1.0', '--dir', dir, '--create', '--write');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'Fill in by hand (catalog check reports them until then): title, publicInformation, sources, versions[0].lifecycle.',
    );
    const file = join(dir, 'integrations/SF0101.yaml');
    const text = readFileSync(file, 'utf8');
    const mine = async () => (await loadCatalog(dir)).problems.filter((p) => p.file === 'integrations/SF0101.yaml');
    expect((await mine()).map((p) => [p.code, p.path])).toEqual([
      ['KM-CAT-008', 'title'],
      ['KM-CAT-005', 'publicInformation'],
      ['KM-CAT-005', 'sources'],
      ['KM-CAT-005', 'versions[0].lifecycle'],
    ]);
    expect(text).toContain('#   title:');
    // Filled in by hand: the file then loads with what the bundle told.
    writeFileSync(
      file,
      text
        .replace(
          'id: SF0101\n',
          'id: SF0101\ntitle: DemoService\npublicInformation: delvis\nsources: ["Serviceplatformen/demoservice-client-net@48625d66:contracts/"]\n',
        )
        .replace('  - version: "1.0"\n', '  - version: "1.0"\n    lifecycle: I drift\n'),
    );
    expect(await mine()).toEqual([]);
    const sf0101 = (await loadCatalog(dir)).catalog.integrations.find((i) => i.id === 'SF0101')!;
    const [service] = sf0101.versions[0]!.services;
    expect(service).toMatchObject({
      name: 'Demo',
      version: '1',
      protocol: 'SOAP 1.1',
      security: ['context'],
      serviceUuid: 'd8a062c0-27d1-11e6-b67b-9e71128cae77',
      entityId: 'http://demo.prod-serviceplatformen.dk/service/DemoService/1',
    });
    expect(service!.operations[0]).toMatchObject({
      name: 'callDemoService',
      soapAction: 'http://serviceplatformen.dk/xml/wsdl/soap11/SP/Demo/1/callDemoService',
      input: { element: 'CallDemoServiceRequest', namespace: 'http://serviceplatformen.dk/xml/wsdl/soap11/SP/Demo/1/' },
      output: { element: 'CallDemoServiceResponse', fields: [{ name: 'responseString', type: 'string' }] },
    });
    expect(service!.operations[0]!.input!.fields.map((f) => [f.name, f.minOccurs])).toEqual([
      ['CallContext', 0],
      ['AuthorityContext', 0],
      ['InvocationContext', 0],
      ['messageString', undefined],
    ]);
    expect(lineOf(text, 'versions:')).toBeGreaterThan(lineOf(text, '#   title:'));
  });

  it('refuses to overwrite an existing file, and an id outside KOMBIT’s forms', async () => {
    const dir = temp.removeAfter(await copyValidFixture());
    const exists = klarmeld(
      demoService,
      '--integration',
      'SF1520',
      '--version',
      '1.0',
      '--dir',
      dir,
      '--create',
      '--write',
    );
    expect(exists.status).toBe(1);
    expect(exists.stderr).toContain(
      'SF1520.yaml already exists, so --create would overwrite it. Leave out --create to import into it. [import.integration-exists]',
    );
    const badId = klarmeld(demoService, '--integration', 'SF-0101', '--version', '1.0', '--dir', dir, '--create');
    expect(badId.status).toBe(1);
    expect(badId.stderr).toContain('Write "SF0101", as KOMBIT writes it.');
  });
});
