import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildIssueRequest,
  buildRestIssueRequest,
  buildOioidwsRequest,
  OioidwsSecurity,
  parseIssueResponse,
  parseRestIssueResponse,
  type IssuedToken,
} from '../../../clients/index.ts';
import { parseXml, selectOne, textOf } from '../../../wire/index.ts';
import type { Catalog } from '../../../../catalog/index.ts';
import { loadCatalog } from '../../../../catalog/index.ts';
import { servedService } from '../../oioidws/served-service.ts';
import { startPlatform, type RunningPlatform } from '../../server/start-platform.ts';
import { createPlatformModule as createSdiModule } from '../sdi/index.ts';
import { platformModule as stsModule, stsPath, stsRestPath } from '../../sts/index.ts';
import {
  canValidateOfficially,
  officialContractsDir,
  officialSchemas,
  validateWithOfficialXsd,
} from './official-xsd.ts';
import { createPlatformModule as createOrganisationModule } from './index.ts';
import { orgNs } from './registrering-xml.ts';

const ulla = '273e2e2b-8778-44c9-8a65-9af669655990';
const laesAction = 'http://kombit.dk/sts/organisation/bruger/laes';
const officialBrugerWsdl = join(
  officialContractsDir,
  'itk-dev__serviceplatformen/resources/sf1500/Tekniske specifikationer (v6.0 Services)/v6_0_0_0/wsdl/Bruger.wsdl',
);
let offsetMs = 0;
let platform: RunningPlatform;
let dataDir: string;
let tls: { cert: string; key: string; ca: string };
let agent: Agent;
let catalog: Catalog;
/** The token audiences the catalogue gives Organisation and SagDokumentIndeks. */
const entityIdOf = (integration: string, service: string) => servedService(catalog, integration, service, []).entityId;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'klarmeld-org-'));
  catalog = (await loadCatalog()).catalog;
  platform = await startPlatform({
    dataDir,
    port: 0,
    catalog,
    clock: () => new Date(Date.now() + offsetMs),
    modules: [stsModule, createOrganisationModule(catalog), createSdiModule(catalog)],
  });
  const system = await platform.admin.addSystem({ name: 'Fagsystem' });
  platform.admin.addAgreement({ system: system.systemUuid, service: 'SF1500', municipalityCvr: '11111111' });
  tls = {
    cert: readFileSync(system.cert, 'utf8'),
    key: readFileSync(system.key, 'utf8'),
    ca: readFileSync(system.ca, 'utf8'),
  };
  agent = new Agent({ connect: { ...tls } });
});

afterAll(async () => {
  await agent?.close();
  await platform?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(path: string, body: string, contentType: string) {
  const res = await request(`${platform.url}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': contentType },
    dispatcher: agent,
  });
  return { status: res.statusCode, body: await res.body.text() };
}

async function soapToken(entityId: string = entityIdOf('SF1500', 'Bruger')): Promise<IssuedToken> {
  const rst = buildIssueRequest({
    certPem: tls.cert,
    keyPem: tls.key,
    entityId,
    cvr: '11111111',
    to: `${platform.url}${stsPath}`,
    now: new Date(Date.now() + offsetMs),
  });
  const reply = await post(stsPath, rst, 'application/soap+xml; charset=utf-8');
  const parsed = parseIssueResponse(reply.body);
  if (!parsed.ok) throw new Error(`STS refused: ${parsed.fault.reason}`);
  return parsed.token;
}

async function laes(token: IssuedToken, uuid = ulla) {
  const body = `<b:LaesInput xmlns:b="${orgNs.bruger}"><sd:UUIDIdentifikator xmlns:sd="${orgNs.sd}">${uuid}</sd:UUIDIdentifikator></b:LaesInput>`;
  const to = `${platform.url}/organisation/bruger/6/`;
  const xml = buildOioidwsRequest(body, {
    assertionXml: token.assertionXml,
    keyPem: tls.key,
    action: laesAction,
    to,
    now: new Date(Date.now() + offsetMs),
  });
  return post('/organisation/bruger/6/', xml, `application/soap+xml; charset=utf-8; action="${laesAction}"`);
}

function laesOutput(xml: string) {
  const doc = parseXml(xml);
  return selectOne("//*[local-name()='LaesOutput']", doc);
}

describe('SF1514 token, then SF1500 Bruger laes, on a running platform', () => {
  it('gets a token from the STS and reads Ulla Jakobsen with it', async () => {
    const token = await soapToken();
    expect(token.audience).toBe(entityIdOf('SF1500', 'Bruger'));
    const reply = await laes(token);
    expect(reply.status).toBe(200);
    const output = laesOutput(reply.body)!;
    expect(output.textContent).toContain('Ulla Jakobsen');
    expect(textOf("*[local-name()='StandardRetur']/*[local-name()='StatusKode']", output)).toBe('20');
    if (canValidateOfficially()) {
      const file = join(officialSchemas.sf1500, '6.0.STS-0', 'BrugerOperationer.xsd');
      const { serializeXml } = await import('../../../wire/index.ts');
      expect(validateWithOfficialXsd(serializeXml(output), [{ namespace: orgNs.bruger, file }])).toEqual([]);
    }
  });

  it('answers an unknown user with StatusKode 44', async () => {
    const reply = await laes(await soapToken(), '00000000-0000-4000-8000-000000000000');
    expect(textOf("//*[local-name()='StatusKode']", parseXml(reply.body))).toBe('44');
  });

  it('issues the same token over the REST variant', async () => {
    const reply = await post(
      stsRestPath,
      JSON.stringify(
        buildRestIssueRequest({ certPem: tls.cert, entityId: entityIdOf('SF1500', 'Bruger'), cvr: '11111111' }),
      ),
      'application/json',
    );
    expect(reply.status).toBe(200);
    const token = parseRestIssueResponse(JSON.parse(reply.body));
    expect((await laes(token)).status).toBe(200);
  });

  it('refuses a token for a service without an agreement', async () => {
    await expect(soapToken(entityIdOf('SF1470', 'SagDokumentIndeks'))).rejects.toThrow(/no approved service agreement/);
  });

  it('refuses the token once its 8 hours are over (injected clock)', async () => {
    const token = await soapToken();
    offsetMs = 9 * 3600_000;
    try {
      const reply = await laes(token);
      expect(reply.status).toBe(500);
      expect(textOf("//*[local-name()='Reason']/*[local-name()='Text']", parseXml(reply.body))).toMatch(
        /get a new token/,
      );
    } finally {
      offsetMs = 0;
    }
  });
});

describe.skipIf(!canValidateOfficially())('a client generated by wsdl-tsclient from the official Bruger WSDL', () => {
  it('calls laes on the platform with mutual TLS and an STS token', async () => {
    // Generated into node_modules/.cache so its `import "soap"` resolves; regenerated each run from the official WSDL.
    const outDir = resolve(
      fileURLToPath(new URL('../../../../', import.meta.url)),
      'node_modules/.cache/klarmeld-sf1500-bruger',
    );
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    // Run with this Node (24), not whatever `node` the bin script's shebang finds on PATH.
    execFileSync(
      process.execPath,
      [resolve(outDir, '../../wsdl-tsclient/dist/src/cli.js'), officialBrugerWsdl, '-o', outDir],
      { stdio: 'ignore' },
    );
    const generated = (await import(join(outDir, 'bruger/index.ts'))) as typeof import('./generated-bruger-shape.ts');
    const token = await soapToken();
    const client = await generated.createClientAsync(officialBrugerWsdl, {
      endpoint: `${platform.url}/organisation/bruger/6/`,
      forceSoap12Headers: true,
    });
    client.setSecurity(
      new OioidwsSecurity({
        assertionXml: token.assertionXml,
        keyPem: tls.key,
        to: `${platform.url}/organisation/bruger/6/`,
        action: laesAction,
        httpsAgent: new HttpsAgent({ ...tls }),
      }),
    );
    // wsdl-tsclient and soap type laes's input as its first message part (the RequestHeader), so the
    // body element is passed as raw XML; the security plug-in adds the RequestHeader itself.
    const [, rawResponse] = await client.laesAsync({
      _xml: `<type:LaesInput><sd:UUIDIdentifikator xmlns:sd="${orgNs.sd}">${ulla}</sd:UUIDIdentifikator></type:LaesInput>`,
    } as never);
    expect(String(rawResponse)).toContain('Ulla Jakobsen');
    expect(textOf("//*[local-name()='StatusKode']", parseXml(String(rawResponse)))).toBe('20');
  });
});
