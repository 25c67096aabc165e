import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personLookupAction, personLookupEnvelope } from '../../clients/index.ts';
import { XMLSerializer } from '@xmldom/xmldom';
import { buildIssueRequest, buildOioidwsRequest, parseIssueResponse } from '../../clients/index.ts';
import { parseXml, selectOne } from '../../wire/index.ts';
import { evidenceSignPath } from '../evidence-route.ts';
import { startOioidwsWorld } from '../testing/platform-test-client.ts';
import { PlatformPkiStore } from '../pki/platform-pki.ts';
import { sdiNs } from '../services/sdi/sdi-xml.ts';
import { stsPath, stsRestPath } from '../sts/index.ts';
import { loadModules } from './start-platform.ts';

/**
 * Public OIOIDWS client libraries call the STS's certificatemixed endpoint and the Støttesystem
 * services with no TLS client certificate: the WS-Security signature, by the certificate the token
 * is bound to, proves the caller. The platform must answer them, and record each exchange as the
 * registered system whose certificate signed it.
 */
let world: Awaited<ReturnType<typeof startOioidwsWorld>>;
beforeAll(async () => {
  world = await startOioidwsWorld((catalog) => loadModules(catalog, []), ['SF1500', 'SF1470']);
});
afterAll(async () => world?.stop());

const ulla = '273e2e2b-8778-44c9-8a65-9af669655990';
const brugerNs = 'http://stoettesystemerne.dk/organisation/bruger/6/';
const laesAction = 'http://kombit.dk/sts/organisation/bruger/laes';
const laes = `<b:LaesInput xmlns:b="${brugerNs}"><sd:UUIDIdentifikator xmlns:sd="urn:oio:sagdok:3.0.0">${ulla}</sd:UUIDIdentifikator></b:LaesInput>`;
const fremsoeg = `<sdi:FremsoegSagDokumentIndeksInput xmlns:sdi="${sdiNs.sdi}"><sdi:SagUuid>753e0265-9a96-480f-b22c-a6bbbb8b5859</sdi:SagUuid></sdi:FremsoegSagDokumentIndeksInput>`;
const fremsoegAction = 'http://kombit.dk/sts/sagdokumentindeks/fremsoeg';
const anonymous = { withoutCertificate: true };

interface Recorded {
  systemUuid: string;
  integration?: string;
  operation?: string;
  status: number;
  path: string;
}
/** The exchanges the system reads with its own certificate. */
async function exchangesOf(agent = world.agent): Promise<Recorded[]> {
  const res = await request(`${world.platform.url}/klarmeld/exchanges?limit=1000`, { dispatcher: agent });
  return ((await res.body.json()) as { exchanges: Recorded[] }).exchanges;
}

describe('holder-of-key endpoints on a connection without a client certificate', () => {
  it('issue a token over the STS SOAP endpoint and serve SF1500 and SF1470 with it, recorded as the system whose certificate signed', async () => {
    const before = (await exchangesOf()).length;
    const organisation = await world.token(world.entityIds.organisation, anonymous);
    const read = await world.call('/organisation/bruger/6/', laesAction, laes, organisation, '1.2', anonymous);
    expect(read.status).toBe(200);
    expect(read.body).toContain('Ulla');
    const sdi = await world.token(world.entityIds.sagDokumentIndeks, anonymous);
    for (const version of ['1.2', '1.1'] as const) {
      const found = await world.call('/sagdokumentindeks/6', fremsoegAction, fremsoeg, sdi, version, anonymous);
      expect(found.status).toBe(200);
      expect(found.body).toContain('Byggetilladelse til carport');
    }
    const recorded = (await exchangesOf()).slice(before);
    expect(recorded.map((e) => [e.integration, e.operation, e.status])).toEqual([
      ['SF1514', 'Trust13Issue', 200],
      ['SF1500', 'laes', 200],
      ['SF1514', 'Trust13Issue', 200],
      ['SF1470', 'fremsoeg', 200],
      ['SF1470', 'fremsoeg', 200],
    ]);
    expect(new Set(recorded.map((e) => e.systemUuid))).toEqual(new Set([world.system.systemUuid]));
  });

  it('answer a request without a signature with the SOAP fault that says so, never a TLS alert, and record it for no system', async () => {
    const before = (await exchangesOf()).length;
    const unsigned = (body: string) =>
      `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header/><s:Body>${body}</s:Body></s:Envelope>`;
    const org = await world.post(
      '/organisation/bruger/6/',
      unsigned(laes),
      `application/soap+xml; charset=utf-8; action="${laesAction}"`,
      {},
      anonymous,
    );
    expect(org.status).toBe(500);
    expect(org.body).toContain('no wsse:Security header');
    const sdi = await world.post(
      '/sagdokumentindeks/6',
      unsigned(fremsoeg),
      'application/soap+xml; charset=utf-8',
      {},
      anonymous,
    );
    expect(sdi.status).toBe(500);
    expect(sdi.body).toContain('no wsse:Security header');
    const rst = `<wst:RequestSecurityToken xmlns:wst="http://docs.oasis-open.org/ws-sx/ws-trust/200512"><wst:RequestType>http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue</wst:RequestType></wst:RequestSecurityToken>`;
    const sts = await world.post(stsPath, unsigned(rst), 'application/soap+xml; charset=utf-8', {}, anonymous);
    expect(sts.status).toBe(500);
    expect(sts.body).toContain('must carry a wsse:Security header');
    expect(await exchangesOf()).toHaveLength(before);
  });

  it('refuse a message signed with another key than the token is bound to', async () => {
    const token = await world.token(world.entityIds.organisation, anonymous);
    const other = await world.platform.admin.addSystem({ name: 'Andet system' });
    const reply = await world.call('/organisation/bruger/6/', laesAction, laes, token, '1.2', {
      ...anonymous,
      keyPem: readFileSync(other.key, 'utf8'),
    });
    expect(reply.status).toBe(500);
    expect(reply.body).toContain('does not verify with the token');
  });

  it('refuse with a fault a token and an STS request of a revoked system, and an STS request signed by a certificate the platform did not register', async () => {
    const revoked = await world.platform.admin.addSystem({ name: 'Tilbagekaldt system' });
    world.platform.admin.addAgreement({ system: revoked.systemUuid, service: 'SF1500', municipalityCvr: '11111111' });
    const via = {
      ...anonymous,
      certPem: readFileSync(revoked.cert, 'utf8'),
      keyPem: readFileSync(revoked.key, 'utf8'),
    };
    const token = await world.token(world.entityIds.organisation, via);
    world.platform.admin.revokeSystem(revoked.systemUuid);

    const call = await world.call('/organisation/bruger/6/', laesAction, laes, token, '1.2', via);
    expect(call.status).toBe(500);
    expect(call.body).toContain('FailedAuthentication');
    expect(call.body).toMatch(/revoked/);
    await expect(world.token(world.entityIds.organisation, via)).rejects.toThrow(
      /no registered it-system \(or it was revoked\)/,
    );

    const foreignPki = await PlatformPkiStore.open(mkdtempSync(join(tmpdir(), 'foreign-')));
    const foreign = await foreignPki.issueSystemCertificate({
      uuid: world.system.systemUuid,
      name: 'Fagsystem',
      supplierCvr: '12345678',
    });
    const stranger = {
      ...anonymous,
      certPem: readFileSync(foreign.certPath, 'utf8'),
      keyPem: readFileSync(foreign.keyPath, 'utf8'),
    };
    await expect(world.token(world.entityIds.organisation, stranger)).rejects.toThrow(/no registered it-system/);
  });

  it('refuse a token sent without the message signature of its holder (a token alone proves nothing)', async () => {
    const token = await world.token(world.entityIds.organisation);
    const xml = buildOioidwsRequest(laes, {
      assertionXml: token.assertionXml,
      keyPem: world.tls.key,
      action: laesAction,
      to: `${world.platform.url}/organisation/bruger/6/`,
      now: new Date(),
    });
    const doc = parseXml(xml);
    const signature = selectOne('//wsse:Security/ds:Signature', doc)!;
    signature.parentNode!.removeChild(signature);
    const reply = await world.post(
      '/organisation/bruger/6/',
      new XMLSerializer().serializeToString(doc as never),
      `application/soap+xml; charset=utf-8; action="${laesAction}"`,
      {},
      anonymous,
    );
    expect(reply.status).toBe(500);
    expect(reply.body).toContain('a signature made with the key of the certificate the token is bound to');
  });
});

describe('endpoints that rely on the client certificate, on a connection without one', () => {
  it('SF1520 answers 403 with a ServiceplatformFault that says a client certificate is required', async () => {
    const body = personLookupEnvelope({ pnr: '0103701111', authorityCvr: '11111111' });
    const reply = await world.post(
      '/service/CPR/PersonBaseDataExtended/4',
      body,
      'text/xml; charset=utf-8',
      { soapaction: `"${personLookupAction}"` },
      anonymous,
    );
    expect(reply.status).toBe(403);
    expect(reply.body).toContain('ServiceplatformFault');
    expect(reply.body).toContain('ClientCertificateRequired');
    expect(reply.body).toContain('client certificate');
  });

  it.each([
    ['GET', '/klarmeld/exchanges'],
    ['POST', evidenceSignPath],
    ['POST', stsRestPath],
  ])('%s %s answers 401 with a JSON error that says a client certificate is required', async (method, path) => {
    const res = await request(`${world.platform.url}${path}`, {
      method: method as 'GET' | 'POST',
      body: method === 'POST' ? '{}' : undefined,
      dispatcher: world.anonymousAgent,
    });
    expect(res.statusCode).toBe(401);
    const json = (await res.body.json()) as { code: string; message: string };
    expect(json.code).toBe('ClientCertificateRequired');
    expect(json.message).toContain('client certificate');
  });

  it('an STS SOAP request on a connection with a certificate must still be signed by that certificate', async () => {
    const other = await world.platform.admin.addSystem({ name: 'Tredje system' });
    const rst = buildIssueRequest({
      certPem: readFileSync(other.cert, 'utf8'),
      keyPem: readFileSync(other.key, 'utf8'),
      entityId: world.entityIds.organisation,
      cvr: '11111111',
      to: `${world.platform.url}${stsPath}`,
      now: new Date(),
    });
    const parsed = parseIssueResponse((await world.post(stsPath, rst, 'application/soap+xml; charset=utf-8')).body);
    expect(parsed.ok).toBe(false);
  });
});
