import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlatformPkiStore } from '../pki/platform-pki.ts';
import { connect } from 'node:tls';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDigest, exchangeDigest } from '../../evidence/index.ts';
import { signingKeyPath } from '../../evidence/index.ts';
import { personLookupAction, personLookupEnvelope } from '../../clients/index.ts';
import { agentFor, postSoap, startTestPlatform } from '../testing/test-platform.ts';
import type { RunningPlatform } from './start-platform.ts';
import type { AddedSystem } from '../admin/platform-admin.ts';

const serviceUuid = 'e6be2436-bf35-4df2-83fe-925142825dc2';
const soap11 = { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${personLookupAction}"` };

describe('the embedded platform', () => {
  let platform: RunningPlatform;
  let a: AddedSystem;
  let b: AddedSystem;
  let agreementA: string;
  const url = () => `${platform.url}/service/CPR/PersonBaseDataExtended/4`;

  beforeAll(async () => {
    platform = await startTestPlatform();
    a = await platform.admin.addSystem({ name: 'Fagsystem A', supplierCvr: '12345678' });
    b = await platform.admin.addSystem({ name: 'Fagsystem B' });
    agreementA = platform.admin.addAgreement({
      system: a.systemUuid,
      service: 'SF1520',
      municipalityCvr: '11111111',
    }).agreementUuid;
  });
  afterAll(async () => platform?.stop());

  const invocation = (system: AddedSystem, agreement: string) => ({
    serviceAgreementUuid: agreement,
    userSystemUuid: system.systemUuid,
    userUuid: '11111111-2222-4333-8444-555555555555',
    serviceUuid,
  });

  it('answers PersonLookup with the Korsbæk person and records a signed exchange only its caller can read', async () => {
    const agent = agentFor(a);
    const res = await postSoap(
      agent,
      url(),
      personLookupEnvelope({ pnr: '0103701111', invocation: invocation(a, agreementA) }),
      soap11,
    );
    expect(res.status).toBe(200);
    expect(res.body).toContain('<fornavn>Anne</fornavn>');
    expect(res.body).toContain('<kommuneCvr>11111111</kommuneCvr>');

    const list = await request(`${platform.url}/klarmeld/exchanges?since=2000-01-01T00:00:00Z`, { dispatcher: agent });
    const { exchanges } = (await list.body.json()) as { exchanges: Record<string, unknown>[] };
    expect(exchanges).toHaveLength(1);
    const exchange = exchanges[0]!;
    expect(exchange).toMatchObject({
      systemUuid: a.systemUuid,
      integration: 'SF1520',
      operation: 'PersonLookup',
      status: 200,
    });
    const key = await (await request(`${platform.url}${signingKeyPath}`, { dispatcher: agent })).body.text();
    expect(exchangeDigest(exchange)).toBe(exchange.digest);
    expect(verifyDigest(exchange.digest as string, exchange.signature as string, key)).toBe(true);

    const other = await request(`${platform.url}/klarmeld/exchanges`, { dispatcher: agentFor(b) });
    expect(((await other.body.json()) as { exchanges: unknown[] }).exchanges).toHaveLength(0);
  });

  it('validates request and response against the contract and records the findings with the exchange', async () => {
    const agent = agentFor(a);
    const since = new Date().toISOString();
    const envelope = personLookupEnvelope({ pnr: '1204681113', invocation: invocation(a, agreementA) }).replace(
      '<pnr:PNR',
      '<ns:Unexpected>x</ns:Unexpected><pnr:PNR',
    );
    const res = await postSoap(agent, url(), envelope, soap11);
    expect(res.status).toBe(200);
    const list = await request(`${platform.url}/klarmeld/exchanges?since=${since}`, { dispatcher: agent });
    const { exchanges } = (await list.body.json()) as {
      exchanges: { findings: { code: string; message: string }[] }[];
    };
    const findings = exchanges.at(-1)!.findings;
    expect(findings.some((f) => f.code === 'request.xsd' && f.message.includes('Unexpected'))).toBe(true);
  });

  it('refuses another system using A’s agreement with a ServiceplatformFault', async () => {
    const res = await postSoap(
      agentFor(b),
      url(),
      personLookupEnvelope({ pnr: '0103701111', invocation: invocation(b, agreementA) }),
      soap11,
    );
    expect(res.status).toBe(500);
    expect(res.body).toContain('ServiceplatformFault');
    expect(res.body).toContain(`Service agreement ${agreementA} belongs to another it-system`);
  });

  it('answers a call without InvocationContext or AuthorityContext with the real missing-security-model text', async () => {
    const res = await postSoap(agentFor(a), url(), personLookupEnvelope({ pnr: '0103701111' }), soap11);
    expect(res.body).toContain(
      'Security model for the called operation was not provided. The following are supported: InvocationContext, AuthorityContext',
    );
  });

  it('refuses a context-service call without a client certificate with a fault that says so, and drops a revoked certificate before any HTTP answer', async () => {
    const ca = readFileSync(a.ca);
    // Before, the TLS handshake failed: a bare alert. The SF1520 caller is known only by its certificate.
    const anonymous = await request(url(), {
      method: 'POST',
      body: 'x',
      headers: soap11,
      dispatcher: new (await import('undici')).Agent({ connect: { ca } }),
    });
    expect(anonymous.statusCode).toBe(403);
    expect(await anonymous.body.text()).toContain('<spf:ErrorCode>ClientCertificateRequired</spf:ErrorCode>');
    const c = await platform.admin.addSystem({ name: 'Fagsystem C' });
    platform.admin.revokeSystem('Fagsystem C');
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(
        { host: platform.host, port: platform.port, ca, cert: readFileSync(c.cert), key: readFileSync(c.key) },
        () => {
          socket.write('GET /klarmeld/exchanges HTTP/1.1\r\nHost: x\r\n\r\n');
        },
      );
      let data = '';
      socket.on('data', (d) => (data += d));
      socket.on('error', () => resolve(data));
      socket.on('close', () => resolve(data));
    });
    expect(answer).toBe('');
  });

  it('refuses a certificate from another CA, and closes a live keep-alive connection once its system is revoked', async () => {
    const foreignPki = await PlatformPkiStore.open(mkdtempSync(join(tmpdir(), 'foreign-')));
    const foreign = await foreignPki.issueSystemCertificate({
      uuid: a.systemUuid,
      name: 'Fagsystem A',
      supplierCvr: '12345678',
    });
    const impostor = agentFor({ cert: foreign.certPath, key: foreign.keyPath, ca: a.ca });
    await expect(request(`${platform.url}/klarmeld/exchanges`, { dispatcher: impostor })).rejects.toThrow();
    // Also where a connection without certificate is served (a holder-of-key endpoint): a certificate shown must be the CA's.
    await expect(
      request(`${platform.url}/runtime/services/kombittrust/14/certificatemixed`, {
        method: 'POST',
        body: 'x',
        dispatcher: impostor,
      }),
    ).rejects.toThrow();

    const d = await platform.admin.addSystem({ name: 'Fagsystem D' });
    const agent = agentFor(d, { connections: 1 });
    expect((await request(`${platform.url}/klarmeld/exchanges`, { dispatcher: agent })).statusCode).toBe(200);
    platform.admin.revokeSystem(d.systemUuid);
    await new Promise((r) => setTimeout(r, 1500));
    await expect(request(`${platform.url}/klarmeld/exchanges`, { dispatcher: agent })).rejects.toThrow();
  });
});
