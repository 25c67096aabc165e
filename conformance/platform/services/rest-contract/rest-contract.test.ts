import { readFileSync } from 'node:fs';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJson, restContractServices } from '../../../../catalog/index.ts';
import { startOioidwsWorld } from '../../testing/platform-test-client.ts';
import { platformModule as sts } from '../../sts/index.ts';
import { checkJson } from './check-json.ts';
import { createPlatformModule } from './index.ts';

const demoEntity = 'http://entityid.kombit.dk/service/demoservicerest/1';
const klassifikationEntity = 'http://entityid.kombit.dk/service/klassifikation/7';
const transaction = () => ({
  'x-transaktionsid': '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d',
  'x-transaktionstid': '2026-12-02T10:00:00Z',
});

describe('the REST contract module on the running platform (issue 12)', () => {
  let world: Awaited<ReturnType<typeof startOioidwsWorld>>;
  let other: Agent;
  beforeAll(async () => {
    world = await startOioidwsWorld((catalog) => [sts, createPlatformModule(catalog)], ['SF0101', 'SF1510']);
    const second = await world.platform.admin.addSystem({ name: 'Andet system' });
    world.platform.admin.addAgreement({ system: second.systemUuid, service: 'SF0101', municipalityCvr: '11111111' });
    other = new Agent({
      connect: { cert: readFileSync(second.cert, 'utf8'), key: readFileSync(second.key, 'utf8'), ca: world.tls.ca },
    });
  });
  afterAll(async () => {
    await other?.close();
    await world?.stop();
  });

  const send = async (
    path: string,
    init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; dispatcher?: Agent } = {},
  ) => {
    const res = await request(`${world.platform.url}${path}`, {
      method: init.method ?? 'GET',
      headers: init.headers ?? {},
      ...(init.body !== undefined && { body: init.body }),
      dispatcher: init.dispatcher ?? world.agent,
    });
    const text = await res.body.text();
    return { status: res.statusCode, headers: res.headers, json: JSON.parse(text) as Record<string, unknown> };
  };
  const accessToken = async () => {
    const saml = await world.token(demoEntity);
    const reply = await send('/service/AccessTokenService_1/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: new URLSearchParams({ 'saml-token': Buffer.from(saml.assertionXml, 'utf8').toString('base64') }).toString(),
    });
    expect(reply.json).toMatchObject({ token_type: 'Holder-of-key' });
    return String(reply.json.access_token);
  };
  const jwt = async () => {
    const reply = await send('/runtime/api/rest/oauth/v1/issue', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: klassifikationEntity,
        grant_type: 'client_credentials',
        scope: `entityid:${klassifikationEntity},anvenderkontekst:11111111`,
      }),
    });
    expect(reply.status).toBe(200);
    return String(reply.json.access_token);
  };
  const lastExchange = () =>
    (
      world.platform.recorder.exchanges({ systemUuid: world.system.systemUuid }) as {
        service?: string;
        operation?: string;
        findings: { code: string }[];
        fault?: { code: string };
      }[]
    ).at(-1)!;

  it('serves AccessTokenDemo at its real path to an access token from the AccessTokenService, with the Korsbæk answer', async () => {
    const token = await accessToken();
    const reply = await send('/service/AccessTokenDemo_1/callDemoService/Hej%20Korsb%C3%A6k', {
      headers: { authorization: `Holder-of-key ${token}`, ...transaction() },
    });
    expect(reply.status).toBe(200);
    const svar = reply.json as {
      svarreaktion: { HovedoplysningerSvarREST: { SvarReaktion: { Advis: { AdvisTekst: string } } }[] };
    };
    expect(svar.svarreaktion.HovedoplysningerSvarREST[0]!.SvarReaktion.Advis.AdvisTekst).toMatch(/Korsbæk/);
    expect(reply.headers['x-transaktionsid']).toBe(transaction()['x-transaktionsid']);
    expect(lastExchange()).toMatchObject({ service: 'AccessTokenDemo', operation: 'callDemoService', findings: [] });
  });

  it('refuses the same token over another certificate: 401 Security Token Invalid', async () => {
    const token = await accessToken();
    const reply = await send('/service/AccessTokenDemo_1/callDemoService/Hej', {
      headers: { authorization: `Holder-of-key ${token}`, ...transaction() },
      dispatcher: other,
    });
    expect(reply.status).toBe(401);
    expect(JSON.stringify(reply.json)).toContain('Security Token Invalid');
  });

  it('takes an access token as Holder-of-key only, as Serviceplatformen does', async () => {
    const token = await accessToken();
    const reply = await send('/service/AccessTokenDemo_1/callDemoService/Hej', {
      headers: { authorization: `Bearer ${token}`, ...transaction() },
    });
    expect(reply.status).toBe(401);
    expect(lastExchange().fault?.code).toBe('rest.token-scheme');
  });

  it('answers 400 BadRequest when x-TransaktionsId is missing, and records why', async () => {
    const token = await accessToken();
    const reply = await send('/service/AccessTokenDemo_1/callDemoService/Hej', {
      headers: { authorization: `Holder-of-key ${token}`, 'x-transaktionstid': '2026-12-02T10:00:00Z' },
    });
    expect(reply.status).toBe(400);
    expect(lastExchange().findings.map((f) => f.code)).toContain('rest.header-missing');
  });

  it("answers the fault on demand (the path's fault value) with 500 and SvarReaktion/Fejl", async () => {
    const token = await accessToken();
    const reply = await send('/service/AccessTokenDemo_1/callDemoService/KLARMELD-FEJL', {
      headers: { authorization: `Holder-of-key ${token}`, ...transaction() },
    });
    expect(reply.status).toBe(500);
    expect(JSON.stringify(reply.json)).toContain('"FejlId":"TestFaultRequested"');
  });

  it('serves KlassifikationListeHentREST to an STS JWT; a JWT is refused where an access token is due', async () => {
    const service = restContractServices(world.catalog).find((s) => s.service === 'KlassifikationListeHentREST')!;
    const op = service.operations[0]!;
    const token = await jwt();
    const reply = await send('/service/KlassifikationListeHentREST/KlassifikationListeHentREST', {
      method: 'POST',
      headers: { authorization: `Holder-of-key ${token}`, 'content-type': 'application/json', ...transaction() },
      body: JSON.stringify(buildJson(op.input!.fields, { samples: [] })),
    });
    expect(reply.status).toBe(200);
    expect(checkJson(reply.json, op.output.fields)).toEqual([]);
    expect(lastExchange().findings).toEqual([]);
    const wrong = await send('/service/AccessTokenDemo_1/callDemoService/Hej', {
      headers: { authorization: `Holder-of-key ${token}`, ...transaction() },
    });
    expect(wrong.status).toBe(401);
    expect(lastExchange().fault?.code).toBe('rest.token-kind');
  });

  it('records a request body that is not what the contract says, and still answers', async () => {
    const token = await jwt();
    const reply = await send('/service/KlassifikationListeHentREST/KlassifikationListeHentREST', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...transaction() },
      body: JSON.stringify({ KlassifikationListe: {}, Ukendt: 1 }),
    });
    expect(reply.status).toBe(200);
    expect(lastExchange().findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['json.unexpected', 'json.type']),
    );
  });
});
