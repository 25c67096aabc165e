import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, restContractServices, valueFor, type Catalog } from '../../../../catalog/index.ts';
import {
  openApiImport,
  unseenOpenApi,
} from '../../../../catalog/test-fixtures/unseen-openapi/import-unseen-openapi.ts';
import { startPlatform, type RunningPlatform } from '../../server/start-platform.ts';

const shipped = fileURLToPath(new URL('../../../../catalog/data', import.meta.url));
const entityId = 'http://entityid.kombit.dk/service/borgersaglistehent/1';

/**
 * Issue 12's "no code change" proof for REST: an OpenAPI document no klarmeld code names (Korsbæk's
 * citizen cases, written for this test in KOMBIT's REST style) is imported with import-contract into
 * a temp copy of the catalogue, and the platform, started with every module as `klarmeld platform
 * start` starts it, serves its operation at the document's path to the STS's JWT for the entity ID
 * given at import, with the temp catalogue's samples, and with a fault on demand.
 */
describe('an OpenAPI document the code has never seen is served after import-contract alone', () => {
  let dir: string;
  let catalog: Catalog;
  let platform: RunningPlatform;
  let agent: Agent;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'klarmeld-unseen-rest-'));
    const data = join(dir, 'data');
    cpSync(shipped, data, { recursive: true });
    openApiImport(unseenOpenApi, data, 'SF9813', entityId);
    mkdirSync(join(data, 'samples'), { recursive: true });
    writeFileSync(
      join(data, 'samples', 'SF9813.yaml'),
      'integration: SF9813\nsamples:\n  - { field: SagListe/SagTitel, values: [Kontanthjælp 2026] }\n',
    );
    const loaded = await loadCatalog(data);
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    catalog = loaded.catalog;
    platform = await startPlatform({ dataDir: join(dir, 'platform'), port: 0, catalog });
    const system = await platform.admin.addSystem({ name: 'Borgerportal' });
    platform.admin.addAgreement({ system: system.systemUuid, service: 'SF9813', municipalityCvr: '11111111' });
    agent = new Agent({
      connect: { ca: readFileSync(system.ca), cert: readFileSync(system.cert), key: readFileSync(system.key) },
    });
  });
  afterAll(async () => {
    await agent?.close();
    await platform?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const call = async (cpr: string) => {
    const token = await request(`${platform.url}/runtime/api/rest/oauth/v1/issue`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: entityId,
        grant_type: 'client_credentials',
        scope: `entityid:${entityId},anvenderkontekst:11111111`,
      }).toString(),
      dispatcher: agent,
    });
    const jwt = ((await token.body.json()) as { access_token: string }).access_token;
    const res = await request(`${platform.url}/service/BorgerSagListeHentREST_1/sager`, {
      method: 'POST',
      headers: {
        authorization: `Holder-of-key ${jwt}`,
        'content-type': 'application/json',
        'x-transaktionsid': '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
        'x-transaktionstid': '2026-12-02T10:00:00Z',
      },
      body: JSON.stringify({ PartCPRNummer: cpr }),
      dispatcher: agent,
    });
    return { status: res.statusCode, json: (await res.body.json()) as Record<string, unknown> };
  };

  it('is a REST contract service of the catalogue, with the entity ID and path the import gave it', () => {
    const service = restContractServices(catalog).find((s) => s.integration === 'SF9813');
    expect(service).toMatchObject({ path: '/service/BorgerSagListeHentREST_1', security: { model: 'jwt', entityId } });
  });

  it("answers at the document's path with the temp catalogue's sample, and the fault on demand", async () => {
    const answer = await call('0101011234');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ SagListe: [{ SagTitel: 'Kontanthjælp 2026' }] });
    const op = restContractServices(catalog).find((s) => s.integration === 'SF9813')!.operations[0]!;
    const faultValue = valueFor(op.input!.fields[0]!, 'fault')!;
    const fault = await call(faultValue);
    expect(fault.status).toBe(500);
    expect(JSON.stringify(fault.json)).toContain('TestFaultRequested');
  });
});
