import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OFFICIAL, official } from '../../catalog/index.ts';
import { importContract } from './catalog-import-contract.ts';
import { importIntoCatalogue } from './catalog-import-contract-write.ts';

const dirs: string[] = [];
const tempCatalogue = () => {
  const dir = mkdtempSync(join(tmpdir(), 'klarmeld-identity-'));
  mkdirSync(join(dir, 'integrations'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('import-contract records what the platform needs to serve a service (issue 12)', () => {
  it("reads KOMBIT's KlasseService v7 as served by the test endpoint: absolute schema URLs are the files of the same name in the bundle", () => {
    const [klasse] = importContract(official(OFFICIAL.klasse7Served), { depth: 3 });
    expect(klasse).toMatchObject({
      name: 'Klasse',
      protocol: 'SOAP 1.2',
      security: ['saml-token'],
      endpointPaths: ['/klasse/7'],
    });
    expect(klasse!.operations.map((o) => o.name)).toEqual([
      'opret',
      'importer',
      'passiver',
      'laes',
      'ret',
      'slet',
      'soeg',
      'list',
    ]);
    expect(klasse!.operations.find((o) => o.name === 'laes')?.output).toMatchObject({
      element: 'LaesOutput',
      namespace: 'http://stoettesystemerne.dk/klassifikation/klasse/7/',
    });
  });

  it('takes the entity ID and endpoint a source outside the bundle gives, and writes them with the local path into a new file', () => {
    const dir = tempCatalogue();
    const services = importContract(official(OFFICIAL.ydelsesIndeksWsdl('YdelseIndeks')), {
      identity: {
        entityId: 'http://entityid.kombit.dk/service/ydi/ydelseindeks/6',
        endpoint: 'https://ydelsesindeks.eksterntest-stoettesystemerne.dk/ydelseindeks/6',
      },
    });
    const { file } = importIntoCatalogue(join(dir), 'SF9490', '1', services, true, { create: true });
    const service = parse(readFileSync(file, 'utf8')).versions[0].services[0];
    expect(service).toMatchObject({
      name: 'YdelseIndeks',
      protocol: 'SOAP 1.2',
      security: ['saml-token'],
      entityId: 'http://entityid.kombit.dk/service/ydi/ydelseindeks/6',
      endpoints: {
        local: '/ydelseindeks/6',
        externalTest: 'https://ydelsesindeks.eksterntest-stoettesystemerne.dk/ydelseindeks/6',
      },
    });
  });

  it("keeps services that share an entity ID apart when their paths differ (Ydelsesindeks's three services)", () => {
    const dir = tempCatalogue();
    const entityId = 'http://entityid.kombit.dk/service/ydi/ydelseindeks/6';
    const at = (path: string) => ({
      entityId,
      endpoint: `https://ydelsesindeks.eksterntest-stoettesystemerne.dk/${path}/6`,
    });
    const { file } = importIntoCatalogue(
      dir,
      'SF9490',
      '1',
      importContract(official(OFFICIAL.ydelsesIndeksWsdl('YdelseIndeks')), { identity: at('ydelseindeks') }),
      true,
      { create: true },
    );
    const bevilling = importIntoCatalogue(
      dir,
      'SF9490',
      '1',
      importContract(official(OFFICIAL.ydelsesIndeksWsdl('BevillingIndeks')), { identity: at('bevillingindeks') }),
      true,
    );
    importIntoCatalogue(
      dir,
      'SF9490',
      '1',
      importContract(official(OFFICIAL.ydelsesIndeksWsdl('OekonomiskEffektueringIndeks')), {
        identity: at('oekonomiskeffektueringindeks'),
      }),
      true,
    );
    expect(bevilling.changes).toEqual([expect.objectContaining({ service: 'BevillingIndeks', action: 'added' })]);
    const services = parse(readFileSync(file, 'utf8')).versions[0].services as {
      name: string;
      endpoints: { local: string };
      operations: { name: string }[];
    }[];
    expect(services.map((s) => `${s.name} ${s.endpoints.local} ${s.operations.map((o) => o.name).join(',')}`)).toEqual([
      'YdelseIndeks /ydelseindeks/6 importer,fremsoeg,opdater',
      'BevillingIndeks /bevillingindeks/6 fjern',
      'OekonomiskEffektueringIndeks /oekonomiskeffektueringindeks/6 fjern',
    ]);
  });

  it('refuses an entity ID for a bundle of several services, since it cannot say whose it is', () => {
    expect(() =>
      importContract(official(OFFICIAL.ydelsesIndeksDir), {
        identity: { entityId: 'http://entityid.kombit.dk/service/ydi/ydelseindeks/6' },
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'contract.identity-ambiguous',
        message: expect.stringContaining('BevillingIndeks, OekonomiskEffektueringIndeks, YdelseIndeks'),
      }),
    );
  });

  it('records the built-in type, patterns and lengths of a named simple type, so a value can be checked and made from the data', () => {
    const [pbd] = importContract(official(OFFICIAL.personBaseData5Dir), { depth: 3 });
    const pnr = pbd!.operations[0]!.input!.fields.find((f) => f.name === 'PNR');
    expect(pnr).toMatchObject({ type: 'PNRType', base: 'string', maxLength: 10 });
    const agreement = pbd!.operations[0]!.input!.fields.find((f) => f.name === 'InvocationContext')?.fields?.find(
      (f) => f.name === 'ServiceAgreementUUID',
    );
    expect(agreement).toMatchObject({
      base: 'string',
      pattern: ['[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}'],
    });
  });
});
