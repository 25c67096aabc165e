import { readFileSync, rmSync } from 'node:fs';
import type { Agent } from 'undici';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { findService } from '../../../catalog/index.ts';
import { buildRestIssueRequest } from '../../clients/index.ts';
import { personLookupAction, personLookupEnvelope } from '../../clients/index.ts';
import { parseXml, textOf } from '../../wire/index.ts';
import { serviceplatformFaultNs } from '../faults/index.ts';
import type { ContractValidation, PlatformModule } from '../service-handler.ts';
import { platformModule as stsModule, stsRestPath } from '../sts/index.ts';
import { agentFor, postSoap, startTestPlatform } from '../testing/test-platform.ts';
import type { RunningPlatform } from './start-platform.ts';

/** When the platform itself fails on a request, the caller gets the platform's own fault and the exchange is recorded. */
describe('a platform failure while answering', () => {
  let platform: RunningPlatform | undefined;
  let agent: Agent | undefined;
  afterEach(async () => {
    await agent?.close();
    await platform?.stop();
    if (platform) rmSync(platform.dataDir, { recursive: true, force: true });
    platform = undefined;
    agent = undefined;
  });

  async function start(options: Parameters<typeof startTestPlatform>[0]) {
    platform = await startTestPlatform(options);
    const system = await platform.admin.addSystem({ name: 'Fagsystem' });
    agent = agentFor(system);
    return { platform, system, agent };
  }

  const lastExchange = (p: RunningPlatform, systemUuid: string) => p.recorder.exchanges({ systemUuid }).at(-1);

  it('answers a JSON route that throws with the JSON InternalError, and records the exchange with what was thrown', async () => {
    const broken: PlatformModule = {
      name: 'broken',
      routes: [
        {
          method: 'POST',
          path: '/klarmeld/broken',
          handle: async () => {
            throw new Error('the disk is gone');
          },
        },
      ],
    };
    const { platform, system, agent } = await start({ modules: [broken] });
    const res = await request(`${platform.url}/klarmeld/broken`, { method: 'POST', body: '{}', dispatcher: agent });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = (await res.body.json()) as { code: string; message: string };
    expect(body).toEqual({
      code: 'InternalError',
      message: expect.stringMatching(/recorded; report it with its time/),
    });
    const exchange = lastExchange(platform, system.systemUuid)!;
    expect(exchange).toMatchObject({
      method: 'POST',
      path: '/klarmeld/broken',
      status: 500,
      fault: { code: 'InternalError' },
    });
    expect(exchange.findings).toContainEqual({
      severity: 'error',
      code: 'platform.handler-threw',
      message: 'the disk is gone',
    });
    expect(JSON.parse(exchange.response.body)).toEqual(body);
  });

  it('answers the REST STS with the JSON InternalError when the STS cannot read its signing identity', async () => {
    const { platform, system, agent } = await start({ modules: [stsModule] });
    // The STS's signing certificate lives in the data directory; make reading it fail.
    platform.services.pki.serviceCertificate = () => Promise.reject(new Error('EIO: sts.key'));
    const cert = readFileSync(system.cert, 'utf8');
    const entityId = findService(platform.services.catalog, 'SF1500', 'Bruger')!.service.entityId!;
    const res = await request(`${platform.url}${stsRestPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(buildRestIssueRequest({ certPem: cert, entityId, cvr: '11111111' })),
      dispatcher: agent,
    });
    expect(res.statusCode).toBe(500);
    expect(((await res.body.json()) as { code: string }).code).toBe('InternalError');
    expect(lastExchange(platform, system.systemUuid)).toMatchObject({
      path: stsRestPath,
      status: 500,
      fault: { code: 'InternalError' },
    });
  });

  it('answers a SOAP endpoint that fails after its handler with a ServiceplatformFault in SOAP 1.1, recorded', async () => {
    const validation: ContractValidation = {
      enabled: true,
      covers: () => true,
      validate: () => {
        throw new Error('validator crashed');
      },
    };
    const { platform, system, agent } = await start({ validation });
    const res = await postSoap(
      agent,
      `${platform.url}/service/CPR/PersonBaseDataExtended/4`,
      personLookupEnvelope({ pnr: '0103701111' }),
      {
        'content-type': 'text/xml; charset=utf-8',
        soapaction: `"${personLookupAction}"`,
      },
    );
    expect(res.status).toBe(500);
    expect(String(res.headers['content-type'])).toMatch(/^text\/xml/);
    const doc = parseXml(res.body);
    expect(doc.documentElement?.namespaceURI).toBe('http://schemas.xmlsoap.org/soap/envelope/');
    expect(textOf('//faultcode', doc)).toMatch(/Server$/);
    expect(textOf(`//*[local-name()='ErrorCode' and namespace-uri()='${serviceplatformFaultNs}']`, doc)).toBe(
      'InternalError',
    );
    const exchange = lastExchange(platform, system.systemUuid)!;
    expect(exchange).toMatchObject({
      integration: 'SF1520',
      service: 'PersonBaseDataExtendedService',
      soapVersion: '1.1',
      status: 500,
      fault: { code: 'InternalError' },
    });
    expect(exchange.findings.map((f) => f.code)).toContain('platform.handler-threw');
  });
});
