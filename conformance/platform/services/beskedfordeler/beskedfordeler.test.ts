import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../server/start-platform.ts';
import { canValidateOfficially, officialContractsDir, validateWithOfficialXsd } from '../organisation/official-xsd.ts';
import { modtagBeskedInput, stsNs } from './haendelsesbesked.ts';
import { createBeskedfordelerModule, messagesPath } from './index.ts';

let platform: RunningPlatform;
let dataDir: string;
let callback: Server;
let failuresLeft = 0;
const received: { body: string; clientCertSubject: string }[] = [];

function reply(kode: number) {
  return `<?xml version="1.0" encoding="UTF-8"?><sts:ModtagBeskedOutput xmlns:sts="${stsNs}" xmlns:sd="urn:oio:sagdok:3.0.0"><sd:StandardRetur><sd:StatusKode>${kode}</sd:StatusKode></sd:StandardRetur></sts:ModtagBeskedOutput>`;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'klarmeld-bfo-'));
  platform = await startPlatform({
    dataDir,
    port: 0,
    modules: [createBeskedfordelerModule({ attempts: 4, baseMs: 10, maxMs: 40 })],
  });
  // The supplier's callback: HTTPS that demands a client certificate from the platform CA.
  const tlsPair = await (
    platform.services.pki as unknown as {
      serverCertificate(host: string): Promise<{ certPem: string; keyPem: string }>;
    }
  ).serverCertificate('127.0.0.1');
  callback = createServer(
    {
      cert: tlsPair.certPem,
      key: tlsPair.keyPem,
      ca: platform.services.pki.caCertPem,
      requestCert: true,
      rejectUnauthorized: true,
    },
    (req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const cert = (req.socket as import('node:tls').TLSSocket).getPeerCertificate();
        received.push({ body, clientCertSubject: JSON.stringify(cert.subject) });
        const fail = failuresLeft > 0;
        if (fail) failuresLeft -= 1;
        res.writeHead(fail ? 503 : 200, { 'content-type': 'application/xml' }).end(fail ? 'busy' : reply(20));
      });
    },
  );
  await new Promise<void>((r) => callback.listen(0, '127.0.0.1', r));
});

afterAll(async () => {
  await new Promise((r) => callback?.close(r));
  await platform?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function system(name: string, url: string) {
  const added = await platform.admin.addSystem({ name, callback: url });
  const agent = new Agent({
    connect: {
      cert: readFileSync(added.cert, 'utf8'),
      key: readFileSync(added.key, 'utf8'),
      ca: readFileSync(added.ca, 'utf8'),
    },
  });
  const call = async (method: 'GET' | 'POST', body?: unknown) => {
    const res = await request(`${platform.url}${messagesPath}`, {
      method,
      dispatcher: agent,
      ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    return {
      status: res.statusCode,
      json: (await res.body.json()) as {
        deliveries: { status: string; attempts: { statusKode?: number; error?: string }[] }[];
      },
    };
  };
  const exchangesOf = async () => {
    const res = await request(`${platform.url}/klarmeld/exchanges`, { dispatcher: agent });
    const body = (await res.body.json()) as
      { exchanges?: { operation?: string; status: number }[] } | { operation?: string; status: number }[];
    return Array.isArray(body) ? body : (body.exchanges ?? []);
  };
  return { added, call, exchangesOf };
}

describe('SF1461 Beskedfordeler push', () => {
  it('delivers a Haendelsesbesked over mutual TLS, retrying until the system answers StatusKode 20', async () => {
    const port = (callback.address() as AddressInfo).port;
    const { call, exchangesOf } = await system('Modtager', `https://127.0.0.1:${port}/beskeder`);
    failuresLeft = 2;
    const sent = await call('POST', { type: 'Test/TestbeskedType1' });
    expect(sent.status).toBe(200);
    const [delivery] = sent.json.deliveries;
    expect(delivery?.status).toBe('delivered');
    expect(delivery?.attempts.map((a) => a.statusKode ?? a.error)).toEqual([
      expect.stringMatching(/StatusKode/),
      expect.stringMatching(/StatusKode/),
      20,
    ]);
    expect(received.at(-1)?.body).toContain(
      '<sd:UUIDIdentifikator>7654895c-a3f3-4c77-8afd-4c77330f963c</sd:UUIDIdentifikator>',
    );
    expect(received.at(-1)?.clientCertSubject).toBeTruthy();
    const listed = await call('GET');
    expect(listed.json.deliveries).toHaveLength(1);
    // Each attempt is also a signed exchange of the receiving system (evidence for SF1461).
    const exchanges = await exchangesOf();
    expect(exchanges.filter((e) => e.operation === 'ModtagBesked').map((e) => e.status)).toEqual([503, 503, 200]);
  });

  it('gives up after the bounded number of attempts and says why', async () => {
    const { call } = await system('Nede', 'https://127.0.0.1:1/beskeder');
    const sent = await call('POST', { type: '7654895c-a3f3-4c77-8afd-4c77330f963c' });
    expect(sent.status).toBe(502);
    const [delivery] = sent.json.deliveries;
    expect(delivery?.status).toBe('failed');
    expect(delivery?.attempts).toHaveLength(4);
    expect(delivery?.attempts[0]?.error).toMatch(/ECONNREFUSED/);
  });

  it('refuses an unknown Beskedtype', async () => {
    const { call } = await system('Forkert', 'https://127.0.0.1:1/x');
    expect((await call('POST', { type: 'ikke-en-type' })).status).toBe(400);
  });

  it.skipIf(!canValidateOfficially())('sends a ModtagBeskedInput valid against the official Beskedfordeler XSD', () => {
    const xml = modtagBeskedInput({
      beskedId: 'aa1b94ce-d182-454f-baa6-b2febb457aa3',
      beskedtype: '7654895c-a3f3-4c77-8afd-4c77330f963c',
      ansvarligAktoer: 'cf12c051-39ce-4066-ba11-704b46fa23c4',
      tilladtModtagerCvr: '11111111',
      now: new Date('2026-11-22T09:00:00Z'),
    });
    const file = join(
      officialContractsDir,
      'kombit__bfo_infrastructureSamples-java/bf-client-example-app/src/main/resources/beskedfordeler/xsd/AnvendersystemOperationer.xsd',
    );
    expect(validateWithOfficialXsd(xml, [{ namespace: stsNs, file }])).toEqual([]);
  });
});
