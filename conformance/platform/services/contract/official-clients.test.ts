import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { ClientSSLSecurity, createClientAsync } from 'soap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL, official } from '../../../../catalog/index.ts';
import { xmllintAvailable, xmllintFindings } from '../../../../catalog/index.ts';
import { messageOf } from '../../../../catalog/index.ts';
import { readContract } from '../../../../catalog/index.ts';
import { startOioidwsWorld } from '../../testing/platform-test-client.ts';
import { klasse7Schema, pbd5Schema, print2Schema, removeSchemaCopies } from '../../testing/official-schemas.ts';
import { platformModule as sts } from '../../sts/index.ts';
import { buildMessage } from './build-message.ts';
import { createPlatformModule } from './index.ts';

/**
 * Issue 12's proof: a client made from each OFFICIAL WSDL in ../shared/contracts calls one
 * operation on the embedded platform, which serves it from catalogue data only (the contract
 * module), and the answer validates with xmllint against the OFFICIAL XSD. Serviceplatformen's
 * context services are called by the `soap` package's client over mutual TLS with an
 * InvocationContext of an approved agreement; the Støttesystem services (OIOIDWS) get a request
 * built from the WSDL's input message, checked by xmllint too, signed with an STS token.
 */
const faultWsdlDirs: string[] = [];
afterAll(() => {
  removeSchemaCopies();
  for (const d of faultWsdlDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The first element of the SOAP Body, as a document of its own (its namespaces kept). */
function bodyElement(envelope: string): string {
  const doc = new DOMParser().parseFromString(envelope, 'text/xml');
  const body = [...Array.from(doc.documentElement!.childNodes)].find(
    (n) => n.nodeType === 1 && (n as Element).localName === 'Body',
  ) as Element | undefined;
  const first = body && ([...Array.from(body.childNodes)].find((n) => n.nodeType === 1) as Element | undefined);
  if (!first) throw new Error(`no Body element in: ${envelope.slice(0, 400)}`);
  return new XMLSerializer().serializeToString(first);
}

/** soap 1.13 lets an imported fault WSDL's `tns` prefix replace the service's own (see cpr/generated-client.test.ts); the import is read with it renamed. */
function faultWsdlWithoutTnsPrefix(): (path: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'klarmeld-fault-wsdl-'));
  faultWsdlDirs.push(dir);
  return (path: string) => {
    if (!path.endsWith('ServiceplatformFaultMessage_1.wsdl')) return path;
    cpSync(join(dirname(path), 'ServiceplatformFault_1.xsd'), join(dir, 'ServiceplatformFault_1.xsd'));
    writeFileSync(
      join(dir, 'ServiceplatformFaultMessage_1.wsdl'),
      readFileSync(path, 'utf8')
        .replace(/xmlns:tns=/g, 'xmlns:spf=')
        .replace(/tns:/g, 'spf:'),
    );
    return join(dir, 'ServiceplatformFaultMessage_1.wsdl');
  };
}

const invocation = { UserUUID: '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d' };
const contextCases = [
  {
    id: 'SF0101',
    service: 'd8a062c0-27d1-11e6-b67b-9e71128cae77',
    wsdl: OFFICIAL.demoServiceContext,
    path: '/service/SP/Demo/1',
    operation: 'callDemoService',
    args: { messageString: 'Hej fra Korsbæk' },
    xsd: () => official(`${OFFICIAL.demoServiceDir}/DemoServiceMsg.xsd`),
    response: 'CallDemoServiceResponse',
    shows: ['Hej fra Korsbæk Kommune'],
  },
  {
    id: 'SF1520 v5',
    service: '4925d7a0-1b5b-11ec-bdc6-b312b83236d4',
    wsdl: OFFICIAL.personBaseData5Context,
    path: '/service/CPR/PersonBaseDataExtended/5',
    operation: 'PersonLookup',
    args: { PNR: '0103701111' },
    xsd: pbd5Schema,
    response: 'PersonLookupResponse',
    shows: ['<personnummer>0103701111</personnummer>', '<fornavn>Anne</fornavn>'],
  },
  {
    id: 'SF1600',
    service: 'fd885b8b-4a3f-46cb-b367-6c9dda1c78f6',
    wsdl: OFFICIAL.print2Context,
    path: '/service/Print/Print/2',
    operation: 'spoergTilmelding',
    args: { CPRnummerIdentifikator: '0103701111' },
    xsd: print2Schema,
    response: 'PrintSpoergTilmeldingResponse',
    shows: ['<tilmeldt>true</tilmeldt>'],
  },
];
const ydi = OFFICIAL.ydelsesIndeksDir;
const tokenCases = [
  {
    id: 'SF1490',
    wsdl: OFFICIAL.ydelsesIndeksWsdl('BevillingIndeks'),
    path: '/bevillingindeks/6',
    operation: 'fjern',
    xsd: () => official(`${ydi}/xsd/6.0.STS-0/BevillingIndeksOperationer.xsd`),
    // Nothing was imported under the UUID asked for: the index answers "not found", valid all the same.
    shows: ['<StatusKode>44</StatusKode>'],
  },
  {
    id: 'SF1510',
    wsdl: OFFICIAL.klasse7Served,
    path: '/klasse/7',
    operation: 'laes',
    xsd: klasse7Schema,
    // Korsbæk's class 15.00.00, which the platform holds from catalog/data/samples/SF1510.yaml.
    samples: [{ field: 'UUIDIdentifikator', values: ['5f0c2b7e-9a41-4d6e-8c13-2b7a0e9d4f15'] }],
    shows: ['<StatusKode>20</StatusKode>', '>Kontanthjælp</TitelTekst>'],
  },
  {
    id: 'SF1491',
    wsdl: OFFICIAL.ydelseListeHent,
    path: '/ydelselistehent/2',
    operation: 'BevillingHent',
    xsd: () => official(`${dirname(OFFICIAL.ydelseListeHent)}/common/view/BevillingHent_OType.xsd`),
    inputXsd: () => official(`${dirname(OFFICIAL.ydelseListeHent)}/common/view/BevillingHent_IType.xsd`),
    shows: ['<YdelseNavn>Kontanthjælp</YdelseNavn>', 'urn:oio:cpr-nr:0103701111'],
  },
];

describe.skipIf(!xmllintAvailable())(
  'clients from the official WSDLs get schema-valid answers from the contract module (issue 12)',
  () => {
    let world: Awaited<ReturnType<typeof startOioidwsWorld>>;
    beforeAll(async () => {
      world = await startOioidwsWorld(
        (catalog) => [sts, createPlatformModule(catalog)],
        ['SF1490', 'SF1510', 'SF1491'],
      );
    });
    afterAll(async () => world?.stop());

    it.each(contextCases)(
      '$id: the soap client of the official WSDL calls $operation over mutual TLS and the answer is valid by the official XSD',
      async (c) => {
        const agreement = world.platform.admin.addAgreement({
          system: world.system.systemUuid,
          service: c.service,
          municipalityCvr: '11111111',
        });
        const client = await createClientAsync(official(c.wsdl), {
          wsdl_options: { overrideImportLocation: faultWsdlWithoutTnsPrefix() },
        });
        client.setEndpoint(`${world.platform.url}${c.path}`);
        client.setSecurity(
          new ClientSSLSecurity(Buffer.from(world.tls.key), Buffer.from(world.tls.cert), Buffer.from(world.tls.ca)),
        );
        const call = client[`${c.operation}Async`] as (args: object) => Promise<[unknown, string]>;
        const [, raw] = await call({
          InvocationContext: {
            ServiceAgreementUUID: agreement.agreementUuid,
            UserSystemUUID: world.system.systemUuid,
            ...invocation,
            ServiceUUID: c.service,
          },
          ...c.args,
        });
        const answer = bodyElement(raw);
        expect(answer).toContain(`<${c.response}`);
        // The integration's Korsbæk samples (catalog/data/samples/), and the PNR asked for, are in the answer.
        for (const text of c.shows) expect(answer).toContain(text);
        expect(xmllintFindings(c.xsd(), answer)).toEqual([]);
      },
    );

    it.each(tokenCases)(
      "$id: a request built from the official WSDL's $operation message, with an STS token, gets an answer valid by the official XSD",
      async (c) => {
        const model = readContract(official(c.wsdl));
        const op = model.services
          .flatMap((x) => x.ports)
          .flatMap((p) => p.operations)
          .find((o) => o.name === c.operation)!;
        const requestXml = buildMessage(messageOf(model, op.input?.body[0], 8)!, {
          samples: ('samples' in c && c.samples) || [],
          echo: new Map(),
        });
        if (c.inputXsd) expect(xmllintFindings(c.inputXsd(), requestXml)).toEqual([]);
        else expect(xmllintFindings(c.xsd(), requestXml)).toEqual([]);
        const entityId = world.catalog.integrations
          .find((i) => i.id === c.id.split(' ')[0])!
          .versions.flatMap((v) => v.services)
          .find((s) => s.endpoints.local === c.path)!.entityId!;
        const res = await world.call(c.path, op.soapAction, requestXml, await world.token(entityId));
        expect(res.status, res.body.slice(0, 600)).toBe(200);
        for (const text of c.shows) expect(res.body).toContain(text);
        expect(xmllintFindings(c.xsd(), bodyElement(res.body))).toEqual([]);
      },
    );
  },
);
