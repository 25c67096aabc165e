import { readFileSync } from 'node:fs';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddedSystem } from '../admin/platform-admin.ts';
import { personLookupAction, personLookupEnvelope } from '../../clients/index.ts';
import { agentFor, postSoap, startTestPlatform } from '../testing/test-platform.ts';
import type { RunningPlatform } from './start-platform.ts';

const soap11 = { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${personLookupAction}"` };
const serviceUuid = 'e6be2436-bf35-4df2-83fe-925142825dc2';

/** Every kind of broken or hostile request gets its fault or status in bounded time, and the platform keeps serving. */
describe('hostile and broken input', () => {
  let platform: RunningPlatform;
  let system: AddedSystem;
  let agreement: string;
  const path = '/service/CPR/PersonBaseDataExtended/4';
  const url = () => `${platform.url}${path}`;
  const good = () =>
    personLookupEnvelope({
      pnr: '0103701111',
      invocation: {
        serviceAgreementUuid: agreement,
        userSystemUuid: system.systemUuid,
        userUuid: '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d',
        serviceUuid,
      },
    });
  const post = (body: string, headers: Record<string, string> = soap11, to = url()) =>
    postSoap(agentFor(system), to, body, headers);

  beforeAll(async () => {
    platform = await startTestPlatform({
      limits: { maxBodyBytes: 64 * 1024, requestTimeoutMs: 1500, headersTimeoutMs: 1000 },
    });
    system = await platform.admin.addSystem({ name: 'Hostile' });
    agreement = platform.admin.addAgreement({
      system: 'Hostile',
      service: 'SF1520',
      municipalityCvr: '11111111',
    }).agreementUuid;
  });
  afterAll(async () => platform?.stop());

  /** Raw bytes over mutual TLS; resolves with whatever the server sent before it closed (or after `waitMs`). */
  const raw = (text: string, waitMs = 8000) =>
    new Promise<{ data: string; ms: number }>((resolve) => {
      const started = Date.now();
      const socket = connect(
        {
          host: platform.host,
          port: platform.port,
          ca: readFileSync(system.ca),
          cert: readFileSync(system.cert),
          key: readFileSync(system.key),
        },
        () => socket.write(text),
      );
      let data = '';
      const done = () => resolve({ data, ms: Date.now() - started });
      socket.on('data', (d) => (data += d));
      socket.on('close', done);
      socket.on('error', done);
      setTimeout(() => socket.destroy(), waitMs).unref();
    });

  it('malformed XML gets a MalformedRequest fault', async () => {
    const res = await post(
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><a></b>',
    );
    expect(res.status).toBe(500);
    expect(res.body).toContain('<spf:ErrorCode>MalformedRequest</spf:ErrorCode>');
  });

  it('XXE and billion laughs are refused before parsing', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${good().replace('0103701111', '&x;').replace('<?xml version="1.0" encoding="UTF-8"?>', '')}`;
    const lol = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><l>&j;</l>`;
    for (const body of [xxe, lol]) {
      const res = await post(body);
      expect(res.status).toBe(500);
      expect(res.body).toContain('DOCTYPE or entity declaration');
      expect(res.body).not.toContain('root:');
    }
  });

  it('an oversized body gets 413 and the connection is closed', async () => {
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 10; i += 1) {
      const res = await post(`<x>${'a'.repeat(2 * 1024 * 1024)}</x>`);
      expect(res.status).toBe(413);
      expect(res.body).toContain('RequestTooLarge');
    }
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('a chunked body without Content-Length is cut at the limit too', async () => {
    const chunk = 'a'.repeat(32 * 1024);
    const chunks = Array.from({ length: 4 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const res = await raw(
      `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n${chunks}`,
    );
    expect(res.data.startsWith('HTTP/1.1 413')).toBe(true);
    expect(res.data).toContain('RequestTooLarge');
    expect(res.ms).toBeLessThan(6000);
  });

  it('a client that never finishes its body or its headers is cut off within the timeouts', async () => {
    const body = await raw(
      `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 1000\r\n\r\n<soap`,
    );
    expect(body.ms).toBeLessThan(6000);
    expect(body.data === '' || body.data.startsWith('HTTP/1.1 408')).toBe(true);
    const headers = await raw(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Ty`);
    expect(headers.ms).toBeLessThan(6000);
  });

  it('a wrong content type gets 415, SOAP 1.2 on the SOAP 1.1 endpoint and SOAP 1.1 on a SOAP 1.2 endpoint get VersionMismatch', async () => {
    expect((await post(good(), { 'content-type': 'application/json' })).status).toBe(415);
    const as12 = await post(good(), {
      'content-type': `application/soap+xml; charset=utf-8; action="${personLookupAction}"`,
    });
    expect(as12.body).toContain('<faultcode>soap:VersionMismatch</faultcode>');
    const bruger = platform.paths.find((p) => p.startsWith('/organisation/bruger'));
    if (bruger) {
      const res = await post(good(), soap11, `${platform.url}${bruger}`);
      expect(res.body).toContain('<env:Value>env:VersionMismatch</env:Value>');
    }
    const envelope12 = good().replace(
      'http://schemas.xmlsoap.org/soap/envelope/',
      'http://www.w3.org/2003/05/soap-envelope',
    );
    expect((await post(envelope12)).body).toContain('soap:VersionMismatch');
  });

  it('a wrong soapAction, an unknown operation and a municipality without agreement each get their ServiceplatformFault', async () => {
    const action = await post(good(), { 'content-type': 'text/xml', soapaction: '"urn:wrong"' });
    expect(action.body).toContain('InvalidSoapAction');
    const unknown = await post(good().replace(/PersonLookupRequest/g, 'PersonDeleteRequest'));
    expect(unknown.body).toContain('UnknownOperation');
    const viborg = await post(personLookupEnvelope({ pnr: '0103701111', authorityCvr: '29189846' }));
    expect(viborg.body).toContain(
      'no approved service agreement for this service with the authority with CVR 29189846',
    );
    const notFound = await post(good().replace('0103701111', '0101010000'));
    expect(notFound.body).toContain('PersonNotFound');
  });

  it('still answers a good request afterwards', async () => {
    const res = await post(good());
    expect(res.status).toBe(200);
    expect(res.body).toContain('<efternavn>Hansen</efternavn>');
  });
});
