import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificatePem, idOf, ns, parseXml, selectAll, selectOne, textOf } from '../../../wire/index.ts';
import { startOioidwsWorld } from '../../testing/platform-test-client.ts';
import { platformModule as stsModule } from '../../sts/index.ts';
import { verifySignature } from '../../sts/wss-verify.ts';
import { createPlatformModule as createOrganisationModule } from '../organisation/index.ts';
import { createPlatformModule as createSdiModule } from './index.ts';
import { loadKorsbaek } from '../../../../catalog/index.ts';
import { korsbaekImporterXml } from './sdi-fixtures.ts';
import { sdiNs } from './sdi-xml.ts';

/**
 * The official SagDokumentIndeksService_6.wsdl declares its binding in the SOAP 1.1 WSDL
 * namespace, so a client generated from it sends SOAP 1.1; KOMBIT describes the service as SOAP
 * 1.2. The platform answers both, each in its own version. Organisation (SF1500) stays SOAP 1.2 only.
 */
let world: Awaited<ReturnType<typeof startOioidwsWorld>>;
let casesXml: string;
beforeAll(async () => {
  const { korsbaek } = await loadKorsbaek();
  if (!korsbaek.cases) throw new Error('The shipped catalogue has no korsbaek/cases.yaml');
  casesXml = korsbaekImporterXml(korsbaek.cases);
  world = await startOioidwsWorld(
    (catalog) => [stsModule, createSdiModule(catalog), createOrganisationModule(catalog)],
    ['SF1470', 'SF1500'],
  );
});
afterAll(async () => world?.stop());

const sdiPath = '/sagdokumentindeks/6';
const carport = '753e0265-9a96-480f-b22c-a6bbbb8b5859';
const action = (op: string) => `http://kombit.dk/sts/sagdokumentindeks/${op}`;
const statusKode = (xml: string) =>
  textOf("//*[local-name()='StandardRetur']/*[local-name()='StatusKode']", parseXml(xml));
/** Every StatusKode of an answer: importer answers one UnikRetur per indexed object. */
const statusKoder = (xml: string) =>
  selectAll("//*[local-name()='StatusKode']", parseXml(xml)).map((node) => node.textContent?.trim());
/** Korsbæk's carport case under a new UUID: an importer the index has not seen. */
const importer = (caseUuid: string) => casesXml.replaceAll(carport, caseUuid);
const fremsoeg = (uuid: string) =>
  `<sdi:FremsoegSagDokumentIndeksInput xmlns:sdi="${sdiNs.sdi}"><sdi:SagUuid>${uuid}</sdi:SagUuid></sdi:FremsoegSagDokumentIndeksInput>`;

describe('SF1470 SagDokumentIndeks over SOAP 1.1', () => {
  it('answers an OIOIDWS-signed SOAP 1.1 importer in SOAP 1.1 with StatusKode 20, signed, and records it as SOAP 1.1', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const token = await world.token(world.entityIds.sagDokumentIndeks);
    const caseUuid = randomUUID();
    const reply = await world.call(sdiPath, action('importer'), importer(caseUuid), token, '1.1');
    expect(reply.status).toBe(200);
    expect(reply.contentType).toMatch(/^text\/xml/);
    const doc = parseXml(reply.body);
    expect(doc.documentElement?.namespaceURI).toBe(ns.soap11);
    expect(statusKoder(reply.body).length).toBeGreaterThan(0);
    expect(new Set(statusKoder(reply.body))).toEqual(new Set(['20']));
    expect(textOf('/soap11:Envelope/soap11:Header/wsa:Action', doc)).toBe(`${action('importer')}Response`);
    const security = selectOne('/soap11:Envelope/soap11:Header/wsse:Security', doc)!;
    const check = verifySignature(
      selectOne('ds:Signature', security)!,
      certificatePem(textOf('wsse:BinarySecurityToken', security)!),
    );
    expect(check.ok && check.signedIds.has(idOf(selectOne('/soap11:Envelope/soap11:Body', doc)!)!)).toBe(true);

    // The case is indexed: a SOAP 1.1 fremsoeg finds it.
    const found = await world.call(sdiPath, action('fremsoeg'), fremsoeg(caseUuid), token, '1.1');
    expect(statusKode(found.body)).toBe('20');
    expect(found.body).toContain(caseUuid);

    const recorded = world.platform.recorder.exchanges({ systemUuid: world.system.systemUuid, since });
    const importerRecord = recorded.find((e) => e.operation === 'importer');
    expect(importerRecord).toMatchObject({ integration: 'SF1470', soapVersion: '1.1', status: 200 });
    expect(importerRecord!.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('still answers SOAP 1.2 in SOAP 1.2, and records it so', async () => {
    const token = await world.token(world.entityIds.sagDokumentIndeks);
    const reply = await world.call(sdiPath, action('fremsoeg'), fremsoeg(carport), token);
    expect(reply.status).toBe(200);
    expect(reply.contentType).toMatch(/^application\/soap\+xml/);
    expect(parseXml(reply.body).documentElement?.namespaceURI).toBe(ns.soap12);
    expect(statusKode(reply.body)).toBe('20');
    const last = world.platform.recorder.exchanges({ systemUuid: world.system.systemUuid }).at(-1);
    expect(last).toMatchObject({ operation: 'fremsoeg', soapVersion: '1.2' });
  });

  it('refuses a SOAP 1.1 call with a token for another service with a SOAP 1.1 fault (faultcode wsse:InvalidSecurityToken)', async () => {
    const orgToken = await world.token(world.entityIds.organisation);
    const refused = await world.call(sdiPath, action('fremsoeg'), fremsoeg(carport), orgToken, '1.1');
    expect(refused.status).toBe(500);
    expect(refused.contentType).toMatch(/^text\/xml/);
    const fault = selectOne('/soap11:Envelope/soap11:Body/soap11:Fault', parseXml(refused.body));
    expect(textOf('faultcode', fault)).toBe('wsse:InvalidSecurityToken');
    expect(textOf('faultstring', fault)).toContain(
      'AppliesTo http://entityid.kombit.dk/service/sdi/sagdokumentindeks/6',
    );
  });

  it('answers a SOAP 1.2 envelope sent as text/xml with a SOAP 1.1 VersionMismatch', async () => {
    const soap12Envelope = `<s:Envelope xmlns:s="${ns.soap12}"><s:Body>${fremsoeg(carport)}</s:Body></s:Envelope>`;
    const reply = await world.post(sdiPath, soap12Envelope, 'text/xml; charset=utf-8', {
      soapaction: `"${action('fremsoeg')}"`,
    });
    expect(reply.status).toBe(500);
    expect(textOf('/soap11:Envelope/soap11:Body/soap11:Fault/faultcode', parseXml(reply.body))).toBe(
      'soap:VersionMismatch',
    );
  });
});

describe('SF1500 Organisation stays SOAP 1.2 only', () => {
  it('answers an OIOIDWS-signed SOAP 1.1 call with a SOAP 1.2 VersionMismatch fault', async () => {
    const token = await world.token(world.entityIds.organisation);
    const laes = `<LaesInput xmlns="http://stoettesystemerne.dk/organisation/bruger/6/"><UUIDIdentifikator xmlns="urn:oio:sagdok:3.0.0">${randomUUID()}</UUIDIdentifikator></LaesInput>`;
    const reply = await world.call(
      '/organisation/bruger/6/',
      'http://kombit.dk/sts/organisation/bruger/laes',
      laes,
      token,
      '1.1',
    );
    expect(reply.status).toBe(500);
    expect(reply.contentType).toMatch(/^application\/soap\+xml/);
    const fault = selectOne('/soap12:Envelope/soap12:Body/soap12:Fault', parseXml(reply.body));
    expect(textOf('soap12:Code/soap12:Value', fault)).toBe('env:VersionMismatch');
    expect(textOf('soap12:Reason/soap12:Text', fault)).toBe('This endpoint speaks SOAP 1.2, the request is SOAP 1.1.');
  });
});
