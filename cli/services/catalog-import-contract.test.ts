import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importContract } from './catalog-import-contract.ts';
import { importIntoCatalogue } from './catalog-import-contract-write.ts';
import { OFFICIAL, official } from '../../catalog/index.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'klarmeld-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A temp catalogue holding a copy of one shipped integration file. */
function catalogueWith(integration: string): string {
  const dir = mkdtempSync(join(tmp, 'catalogue-'));
  mkdirSync(join(dir, 'integrations'));
  cpSync(
    join(repo, 'catalog/data/integrations', `${integration}.yaml`),
    join(dir, 'integrations', `${integration}.yaml`),
  );
  return dir;
}

const klarmeld = (...args: string[]) =>
  spawnSync(process.execPath, [join(repo, 'bin/klarmeld.js'), 'catalog', 'import-contract', ...args], {
    encoding: 'utf8',
    cwd: repo,
  });

describe('importContract on the official bundles', () => {
  it('SF1500 v6: 16 WSDLs give SOAP 1.2 services named as the catalogue names them, Bruger with laes, soeg and list', () => {
    const services = importContract(official(OFFICIAL.sf1500Dir));
    expect(services).toHaveLength(16);
    expect(services.every((s) => s.protocol === 'SOAP 1.2')).toBe(true);
    const bruger = services.find((s) => s.name === 'Bruger')!;
    expect(bruger.operations).toContainEqual(
      expect.objectContaining({ name: 'laes', soapAction: 'http://kombit.dk/sts/organisation/bruger/laes' }),
    );
    expect(bruger.operations.map((o) => o.name)).toEqual(expect.arrayContaining(['soeg', 'list']));
  });

  it('PersonBaseDataExtended v4: the context and token WSDLs are one SOAP 1.1 service with the context security model', () => {
    const [service, ...others] = importContract(official(OFFICIAL.personBaseDataDir));
    expect(others).toEqual([]);
    expect(service).toMatchObject({ name: 'PersonBaseDataExtended', protocol: 'SOAP 1.1', security: ['context'] });
    expect(service!.operations).toMatchObject([
      {
        name: 'PersonLookup',
        soapAction: 'http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/PersonLookup',
      },
    ]);
  });

  it('SagDokumentIndeks v5 (context, token) and v6, Klasse v7 and Beskedfordeler', () => {
    for (const file of [
      OFFICIAL.sagDokumentIndeks5Context,
      OFFICIAL.sagDokumentIndeks5Token,
      OFFICIAL.sagDokumentIndeks6,
    ]) {
      expect(
        importContract(official(file))[0]!
          .operations.map((o) => o.name)
          .sort(),
      ).toEqual(['fjern', 'fremsoeg', 'importer', 'opdater']);
    }
    expect(importContract(official(OFFICIAL.klasse7))[0]).toMatchObject({ name: 'Klasse', protocol: 'SOAP 1.2' });
    expect(importContract(official(OFFICIAL.beskedfordelerDir))[0]!.operations.length).toBeGreaterThan(5);
  });

  it('KlassifikationListeHent OpenAPI: one REST service with POST and the JWT security model', () => {
    expect(importContract(official(OFFICIAL.klassifikationRest))).toEqual([
      expect.objectContaining({
        name: 'KlassifikationListeHentREST',
        protocol: 'REST',
        security: ['jwt'],
        operations: [
          expect.objectContaining({
            name: 'KlassifikationListeHentREST_post',
            method: 'POST',
            path: '/KlassifikationListeHentREST',
            input: expect.objectContaining({ element: 'KlassifikationListeHent_O' }),
            output: expect.objectContaining({ element: 'KlassifikationListeHentREST_post_response' }),
            parameters: expect.arrayContaining([
              expect.objectContaining({ name: 'x-TransaktionsId', in: 'header', required: true }),
            ]),
          }),
        ],
        endpointPaths: ['/service/KlassifikationListeHentREST'],
      }),
    ]);
  });

  it('an OpenAPI document takes the entity ID and endpoint given with it (one service per document)', () => {
    const [service] = importContract(official(OFFICIAL.klassifikationRest), {
      identity: { entityId: 'http://entityid.kombit.dk/service/klassifikation/7' },
    });
    expect(service!.entityId).toBe('http://entityid.kombit.dk/service/klassifikation/7');
  });
});

describe('importIntoCatalogue', () => {
  it('updates one version in place, keeping comments and fields the import does not own', () => {
    const dir = catalogueWith('SF1500');
    const file = join(dir, 'integrations/SF1500.yaml');
    const original = readFileSync(file, 'utf8');
    // A stale catalogue: Bruger lost an operation, and someone left a comment.
    writeFileSync(
      file,
      original
        .replace('          - { name: laes, soapAction: "http://kombit.dk/sts/organisation/bruger/laes" }\n', '')
        .replace('versions:\n', '# reviewed by KOMBIT\nversions:\n'),
    );
    const { changes } = importIntoCatalogue(dir, 'SF1500', '3.1', importContract(official(OFFICIAL.sf1500Dir)), true);
    expect(changes.find((c) => c.service === 'Bruger')).toMatchObject({
      action: 'updated',
      added: ['laes'],
      removed: [],
    });
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('# reviewed by KOMBIT');
    const data = parse(after);
    const bruger = data.versions[0].services.find((s: { name: string }) => s.name === 'Bruger');
    expect(bruger.operations.map((o: { name: string }) => o.name)).toContain('laes');
    expect(bruger.entityId).toBe('http://stoettesystemerne.dk/service/organisation/3');
    expect(after).toContain(
      '- name: laes\n            soapAction: "http://kombit.dk/sts/organisation/bruger/laes"\n            input:\n              element: LaesInput\n',
    );
  });

  it('does not touch the file without --write, and says which version is missing', () => {
    const dir = catalogueWith('SF1520');
    const file = join(dir, 'integrations/SF1520.yaml');
    const before = readFileSync(file, 'utf8');
    importIntoCatalogue(dir, 'SF1520', '3.6', importContract(official(OFFICIAL.personBaseDataContext)), false);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(() => importIntoCatalogue(dir, 'SF1520', '9.9', [], false)).toThrow(/has no version "9.9" \(it has: /);
  });
});

describe('importIntoCatalogue on a version whose number KOMBIT has not published', () => {
  it('takes it as "unnumbered", and names it so when another version is asked for', () => {
    const dir = catalogueWith('SF1510');
    const { changes } = importIntoCatalogue(
      dir,
      'SF1510',
      'unnumbered',
      importContract(official(OFFICIAL.klasse7)),
      false,
    );
    expect(changes).toMatchObject([{ service: 'Klasse' }]);
    expect(() => importIntoCatalogue(dir, 'SF1510', '7', [], false)).toThrow(
      /has no version "7" \(it has: unnumbered \("unnumbered" is the version whose number KOMBIT has not published\)\)/,
    );
  });

  it('gives a new service no version of its own when its siblings do not share one, so catalog check asks for it', () => {
    const dir = catalogueWith('SF1510');
    const [klasse] = importContract(official(OFFICIAL.klasse7));
    importIntoCatalogue(
      dir,
      'SF1510',
      'unnumbered',
      [{ ...klasse!, name: 'KlasseKopi', aliases: [], operations: [{ name: 'x', soapAction: 'urn:x' }] }],
      true,
    );
    const added = parse(readFileSync(join(dir, 'integrations/SF1510.yaml'), 'utf8')).versions[0].services.find(
      (x: { name: string }) => x.name === 'KlasseKopi',
    );
    expect(added).toBeDefined();
    expect(added).not.toHaveProperty('version');
  });
});

describe('klarmeld catalog import-contract', () => {
  it('--write --json updates a temp catalogue and prints the services', () => {
    const dir = catalogueWith('SF1470');
    const r = klarmeld(
      official(OFFICIAL.sagDokumentIndeks6),
      '--integration',
      'SF1470',
      '--version',
      '3.0',
      '--dir',
      dir,
      '--write',
      '--json',
    );
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.services[0].operations.map((o: { name: string }) => o.name).sort()).toEqual([
      'fjern',
      'fremsoeg',
      'importer',
      'opdater',
    ]);
    expect(out.written).toBe(true);
  });

  it('a broken bundle exits 1 with an error naming the file and the missing import', () => {
    const bundle = join(tmp, 'broken');
    cpSync(official(OFFICIAL.personBaseDataDir), bundle, { recursive: true });
    rmSync(join(bundle, 'sp/PNR_1.xsd'));
    const r = klarmeld(
      join(bundle, 'wsdl/context/PersonBaseDataExtendedService.wsdl'),
      '--integration',
      'SF1520',
      '--version',
      '3.6',
      '--dir',
      catalogueWith('SF1520'),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PersonBaseDataExtendedServiceMsg.xsd');
    expect(r.stderr).toContain('sp/PNR_1.xsd');
    expect(r.stderr).toContain('[contract.file-missing]');
  });

  it('a WSDL whose binding is not SOAP exits 1 naming the file and the binding', () => {
    const bundle = join(tmp, 'http-binding');
    cpSync(official(OFFICIAL.personBaseDataDir), bundle, { recursive: true });
    const wsdl = join(bundle, 'wsdl/token/PersonBaseDataExtendedService.wsdl');
    writeFileSync(
      wsdl,
      readFileSync(wsdl, 'utf8').replace(
        /<soap:binding [^>]*\/>/,
        '<http:binding xmlns:http="http://schemas.xmlsoap.org/wsdl/http/" verb="POST"/>',
      ),
    );
    const r = klarmeld(wsdl, '--integration', 'SF1520', '--version', '3.6', '--dir', catalogueWith('SF1520'), '--json');
    expect(r.status).toBe(1);
    const { error } = JSON.parse(r.stdout);
    expect(error).toMatchObject({ code: 'contract.binding-unknown', file: wsdl });
    expect(error.message).toContain('PersonBaseDataExtendedBinding');
  });

  it('missing --integration is a usage error (exit 2)', () => {
    expect(klarmeld(official(OFFICIAL.sts)).status).toBe(2);
  });
});
