import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../../catalog/index.ts';
import { xmllintAvailable, xmllintFindings } from '../../../../catalog/index.ts';
import { contractBundleImport } from '../../../../catalog/test-fixtures/unseen-bundle/import-unseen-bundle.ts';
import { loadCatalog } from '../../../../catalog/index.ts';
import { valueFor } from '../../../../catalog/index.ts';
import type { AddedSystem } from '../../admin/platform-admin.ts';
import { startPlatform, type RunningPlatform } from '../../server/start-platform.ts';
import { buildMessage } from './build-message.ts';
import { contractServices, type ContractService } from './contract-services.ts';

const bundle = fileURLToPath(
  new URL('../../../../catalog/test-fixtures/unseen-bundle/ParkeringstilladelseService', import.meta.url),
);
const shipped = fileURLToPath(new URL('../../../../catalog/data', import.meta.url));

/**
 * Issue 12's "no code change" proof: a bundle no klarmeld code names (Korsbæk's parking permits,
 * written for this test in KOMBIT's package layout) is imported with import-contract into a temp
 * copy of the catalogue, and the platform serves both its operations at the WSDL's path with the
 * context security model from its service.properties, answering schema-valid by the bundle's own
 * XSD, with the samples of the temp catalogue, and with a fault on demand.
 */
describe.skipIf(!xmllintAvailable())('a bundle the code has never seen is served after import-contract alone', () => {
  let dir: string;
  let catalog: Catalog;
  let platform: RunningPlatform;
  let system: AddedSystem;
  let agent: Agent;
  let service: ContractService;
  let agreementUuid: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'klarmeld-unseen-'));
    const data = join(dir, 'data');
    cpSync(shipped, data, { recursive: true });
    contractBundleImport(bundle, data, 'SF9812');
    mkdirSync(join(data, 'samples'), { recursive: true });
    writeFileSync(
      join(data, 'samples', 'SF9812.yaml'),
      'integration: SF9812\nsamples:\n  - { operation: tilladelseHent, field: Tilladelse/Zone, values: [Havnen] }\n',
    );
    const loaded = await loadCatalog(data);
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    catalog = loaded.catalog;
    service = contractServices(catalog).served.find((s) => s.integration === 'SF9812')!;
    platform = await startPlatform({ dataDir: join(dir, 'platform'), port: 0, catalog });
    system = await platform.admin.addSystem({ name: 'Parkeringssystem' });
    agreementUuid = platform.admin.addAgreement({
      system: system.systemUuid,
      service: 'SF9812',
      municipalityCvr: '11111111',
    }).agreementUuid;
    agent = new Agent({
      connect: { ca: readFileSync(system.ca), cert: readFileSync(system.cert), key: readFileSync(system.key) },
    });
  });
  afterAll(async () => {
    await agent?.close();
    await platform?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async (operation: string, registreringsnummer: string) => {
    const op = service.operations.find((o) => o.name === operation)!;
    const invocation = {
      ServiceAgreementUUID: agreementUuid,
      UserSystemUUID: system.systemUuid,
      UserUUID: '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d',
      ServiceUUID: '5c0ffee0-2a3b-4c5d-8e6f-7a8b9c0d1e2f',
    };
    const body = buildMessage(op.input, {
      samples: [
        ...Object.entries(invocation).map(([field, v]) => ({ field: `InvocationContext/${field}`, values: [v] })),
        { field: 'Registreringsnummer', values: [registreringsnummer] },
      ],
      echo: new Map(),
    });
    const res = await request(`${platform.url}${service.path}`, {
      method: 'POST',
      dispatcher: agent,
      body: `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${body}</s:Body></s:Envelope>`,
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${op.soapAction}"` },
    });
    const text = await res.body.text();
    return {
      status: res.statusCode,
      body: text,
      element: /<s(?:oap)?:Body>(.*)<\/s(?:oap)?:Body>/s.exec(text)?.[1] ?? '',
    };
  };

  it('is in the catalogue as import-contract wrote it: path, context model and ServiceUUID from the bundle', () => {
    expect(service).toMatchObject({
      path: '/service/Korsbaek/Parkering/1',
      soapVersion: '1.1',
      security: { model: 'context', serviceUuid: '5c0ffee0-2a3b-4c5d-8e6f-7a8b9c0d1e2f' },
    });
    expect(service.operations.map((o) => o.name)).toEqual(['tilladelseHent', 'tilladelseOpret']);
    expect(platform.paths).toContain('/service/Korsbaek/Parkering/1');
  });

  it.each(['tilladelseHent', 'tilladelseOpret'])(
    "answers %s schema-valid by the bundle's XSD, with the samples of the catalogue, and records no findings",
    async (operation) => {
      const res = await call(operation, 'AB12345');
      expect(res.status, res.body).toBe(200);
      expect(xmllintFindings(join(bundle, 'ParkeringstilladelseServiceMsg.xsd'), res.element)).toEqual([]);
      if (operation === 'tilladelseHent') {
        // The optional Tilladelse is there because a sample names its Zone; its Registreringsnummer is the one asked for.
        expect(res.element).toMatch(
          /<Tilladelse><TilladelseId[^>]*>[0-9a-f-]{36}<\/TilladelseId><Registreringsnummer[^>]*>AB12345<\/Registreringsnummer><Zone[^>]*>Havnen<\/Zone>/,
        );
      }
      const exchanges = platform.recorder.exchanges({ systemUuid: system.systemUuid }) as { findings: unknown[] }[];
      expect(exchanges.at(-1)!.findings).toEqual([]);
    },
  );

  it("answers a ServiceplatformFault on demand for the field's fault value", async () => {
    const field = service.operations[0]!.input.fields.find((f) => f.name === 'Registreringsnummer')!;
    expect(valueFor(field, 'fault')).toBe('ZZ99999');
    const res = await call('tilladelseHent', 'ZZ99999');
    expect(res.status).toBe(500);
    expect(res.body).toContain('<spf:ErrorCode>TestFaultRequested</spf:ErrorCode>');
  });
});
