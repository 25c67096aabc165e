import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueFor } from '../../../../catalog/index.ts';
import { moduleSources } from '../../modules.ts';
import { startOioidwsWorld } from '../../testing/platform-test-client.ts';
import type { PlatformModule } from '../../service-handler.ts';
import { buildMessage } from './build-message.ts';
import { contractServices } from './contract-services.ts';

const demoNs = 'http://serviceplatformen.dk/xml/wsdl/soap11/SP/Demo/1/';
const icNs = 'http://serviceplatformen.dk/xml/schemas/InvocationContext/1/';
const demoAction = `${demoNs}callDemoService`;
const demoUuid = 'd8a062c0-27d1-11e6-b67b-9e71128cae77';

/** The platform as `klarmeld platform start` runs it: every module of modules.ts, the contract module among them. */
async function allModules(
  catalog: Parameters<
    NonNullable<Awaited<ReturnType<(typeof moduleSources)[number]['load']>>['createPlatformModule']>
  >[0],
): Promise<PlatformModule[]> {
  return Promise.all(
    moduleSources.map(async (s) => {
      const m = await s.load();
      return m.platformModule ?? (await m.createPlatformModule!(catalog));
    }),
  );
}

describe('the contract module on the running platform (issue 12)', () => {
  let world: Awaited<ReturnType<typeof startOioidwsWorld>>;
  let agreement: string;
  beforeAll(async () => {
    world = await startOioidwsWorld(allModules, ['SF1490', 'SF1491', 'SF1520']);
    agreement = world.platform.admin.addAgreement({
      system: world.system.systemUuid,
      service: 'SF0101',
      municipalityCvr: '11111111',
    }).agreementUuid;
  });
  afterAll(async () => world?.stop());

  const demo = (
    message: string,
    context: Record<string, string> = {},
    headers: Record<string, string> = { soapaction: `"${demoAction}"` },
  ) => {
    const ic = {
      ServiceAgreementUUID: agreement,
      UserSystemUUID: world.system.systemUuid,
      UserUUID: '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d',
      ServiceUUID: demoUuid,
      ...context,
    };
    const body = `<d:CallDemoServiceRequest xmlns:d="${demoNs}"><ic:InvocationContext xmlns:ic="${icNs}">${Object.entries(
      ic,
    )
      .map(([k, v]) => `<ic:${k}>${v}</ic:${k}>`)
      .join('')}</ic:InvocationContext>${message}</d:CallDemoServiceRequest>`;
    return world.post(
      '/service/SP/Demo/1',
      `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${body}</s:Body></s:Envelope>`,
      'text/xml; charset=utf-8',
      headers,
    );
  };
  const lastExchange = () =>
    (
      world.platform.recorder.exchanges({ systemUuid: world.system.systemUuid }) as {
        operation?: string;
        soapAction?: string;
        findings: { code: string; message: string }[];
      }[]
    ).at(-1)!;

  it('serves every imported operation no hand-written module serves, at its real path; hand-written ones keep theirs', async () => {
    const { served } = contractServices(world.catalog);
    const paths = served.map((s) => s.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/service/SP/Demo/1',
        '/service/CPR/PersonBaseDataExtended/5',
        '/service/Print/Print/2',
        '/ydelseindeks/6',
        '/bevillingindeks/6',
        '/oekonomiskeffektueringindeks/6',
        '/klasse/7',
        '/ydelselistehent/2',
      ]),
    );
    expect(world.platform.paths).toEqual(expect.arrayContaining(paths));
    // SF1520 v4 is still the hand-written handler: it answers a Korsbæk person from the fixtures, the contract module could not.
    const v4 = world.platform.admin.addAgreement({
      system: world.system.systemUuid,
      service: 'SF1520',
      municipalityCvr: '11111111',
    });
    const { personLookupEnvelope } = await import('../../../clients/index.ts');
    const res = await world.post(
      '/service/CPR/PersonBaseDataExtended/4',
      personLookupEnvelope({
        pnr: '1204681113',
        invocation: {
          serviceAgreementUuid: v4.agreementUuid,
          userSystemUuid: world.system.systemUuid,
          userUuid: '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d',
          serviceUuid: v4.serviceUuid!,
        },
      }),
      'text/xml; charset=utf-8',
    );
    expect(res.body).toContain('<fornavn>Bo</fornavn>');
  });

  it('answers a good call from the response tree and the samples, and records no findings', async () => {
    const res = await demo('<d:messageString>Hej</d:messageString>');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<responseString>Hej fra Korsbæk Kommune');
    expect(lastExchange()).toMatchObject({ operation: 'callDemoService', findings: [] });
  });

  it('records the SOAPAction as sent, and records none for a call without one, which it still answers', async () => {
    await demo('<d:messageString>Hej</d:messageString>');
    expect(lastExchange()).toMatchObject({ operation: 'callDemoService', soapAction: demoAction });
    const res = await demo('<d:messageString>Hej</d:messageString>', {}, {});
    expect(res.status).toBe(200);
    expect(lastExchange().operation).toBe('callDemoService');
    expect(lastExchange()).not.toHaveProperty('soapAction');
  });

  it('records what the request lacks by the derived tree, as the hand-written services record XSD findings', async () => {
    await demo('<d:messageStrin>Hej</d:messageStrin>');
    expect(lastExchange().findings.map((f) => f.code)).toEqual(['tree.unexpected-element', 'tree.missing']);
  });

  it('checks the Serviceplatformen security: an agreement of another service is refused with a ServiceplatformFault', async () => {
    const other = world.platform.admin.addAgreement({
      system: world.system.systemUuid,
      service: 'fd885b8b-4a3f-46cb-b367-6c9dda1c78f6',
      municipalityCvr: '11111111',
    }).agreementUuid;
    const res = await demo('<d:messageString>Hej</d:messageString>', { ServiceAgreementUUID: other });
    expect(res.status).toBe(500);
    expect(res.body).toContain('<spf:ErrorCode>ServiceAgreementNotValid</spf:ErrorCode>');
  });

  it('answers a ServiceplatformFault on demand when a field holds its fault value (README), which a real client does not send', async () => {
    expect(valueFor({ name: 'messageString', type: 'string' }, 'fault')).toBe('KLARMELD-FEJL');
    const res = await demo('<d:messageString>KLARMELD-FEJL</d:messageString>');
    expect(res.status).toBe(500);
    expect(res.body).toContain('<spf:ErrorCode>TestFaultRequested</spf:ErrorCode>');
    expect(res.body).toContain('/CallDemoServiceRequest/messageString');
  });

  it('answers a Støttesystem fault on demand as StandardRetur 50 (Ydelsesindeks fjern), or SvarReaktion/Fejl (YdelseListeHent)', async () => {
    const { served } = contractServices(world.catalog);
    const fjern = served.find((s) => s.path === '/bevillingindeks/6')!.operations[0]!;
    const uuid = fjern.input.fields.flatMap((f) => f.fields ?? [f]).find((f) => f.pattern)!;
    const faultUuid = valueFor(uuid, 'fault')!;
    expect(faultUuid).toBe('ffffffff-ffff-ffff-ffff-ffffffffffff');
    const request = buildMessage(fjern.input, {
      samples: [{ field: uuid.name, values: [faultUuid] }],
      echo: new Map(),
    });
    const token = await world.token('http://entityid.kombit.dk/service/ydi/ydelseindeks/6');
    const res = await world.call('/bevillingindeks/6', fjern.soapAction!, request, token);
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/<StatusKode>50<\/StatusKode><FejlbeskedTekst>Korsbæk Kommune's test data answers/);

    const hent = served
      .find((s) => s.path === '/ydelselistehent/2')!
      .operations.find((o) => o.name === 'BevillingHent')!;
    const good = buildMessage(hent.input, { samples: [], echo: new Map() });
    const cvr = good.match(/<VirksomhedCVRNummer[^>]*>(\d{8})</)?.[1];
    const faulting = cvr
      ? good.replace(`>${cvr}<`, '>99999999<')
      : good.replace(/<TransaktionsId([^>]*)>[^<]*</, '<TransaktionsId$1>KLARMELD-FEJL<');
    const answer = await world.call(
      '/ydelselistehent/2',
      hent.soapAction!,
      faulting,
      await world.token('http://entityid.kombit.dk/service/ydelselistehent/1'),
    );
    expect(answer.status).toBe(200);
    // SOAP 1.2: the action is the content type's parameter, recorded the same way.
    expect(lastExchange()).toMatchObject({ operation: 'BevillingHent', soapAction: hent.soapAction });
    expect(answer.body).toMatch(/<Fejl><FejlId>TestFaultRequested<\/FejlId><FejlTekst>Korsbæk/);
  });

  it('checks the OIOIDWS security: a token for another entity ID is refused', async () => {
    const { served } = contractServices(world.catalog);
    const fjern = served.find((s) => s.path === '/bevillingindeks/6')!.operations[0]!;
    const token = await world.token('http://entityid.kombit.dk/service/ydelselistehent/1');
    const res = await world.call(
      '/bevillingindeks/6',
      fjern.soapAction!,
      buildMessage(fjern.input, { samples: [], echo: new Map() }),
      token,
    );
    expect(res.status).toBe(500);
    expect(res.body).toMatch(/audience|entityID|AppliesTo/i);
  });
});
