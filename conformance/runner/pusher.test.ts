import { X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { startPlatform, type RunningPlatform } from '../platform/index.ts';
import { callbackPusher } from './pusher.ts';

const temp = tempDirs();
const servers: Server[] = [];
let platform: RunningPlatform;
let systemUuid: string;
let serverPair: { certPem: string; keyPem: string };

beforeAll(async () => {
  const dir = await temp.make('pusher-');
  platform = await startPlatform({ dataDir: dir, port: 0, catalog: (await loadCatalog()).catalog, modules: [] });
  systemUuid = (await platform.admin.addSystem({ name: 'Pushed to' })).systemUuid;
  const pki = platform.services.pki as unknown as {
    serverCertificate(host: string): Promise<{ certPem: string; keyPem: string }>;
  };
  serverPair = await pki.serverCertificate('127.0.0.1');
});
afterAll(async () => platform?.stop());
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A callback with a certificate of the platform CA that asks for the caller's certificate. */
async function callback(handle: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(
    { cert: serverPair.certPem, key: serverPair.keyPem, requestCert: true, rejectUnauthorized: false },
    handle,
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `https://127.0.0.1:${(server.address() as { port: number }).port}/beskedfordeler`;
}

const pusherFor = (callbackUrl: string) =>
  callbackPusher({
    callbackUrl,
    municipalityCvr: '11111111',
    push: (request) => platform.admin.pushMessage({ system: systemUuid, ...request }),
  });

describe("the runner's Beskedfordeler pushes are the platform's", () => {
  it("sends the platform's Haendelsesbesked with the run's BeskedId, over mutual TLS with the platform's certificate", async () => {
    let seen: { body: string; fingerprint?: string; type?: string | undefined } | undefined;
    const url = await callback((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const peer = (req.socket as TLSSocket).getPeerX509Certificate();
        seen = {
          body: Buffer.concat(chunks).toString('utf8'),
          fingerprint: peer?.fingerprint256,
          type: req.headers['content-type'],
        };
        res.end('<ModtagBeskedOutput><StandardRetur><StatusKode>20</StatusKode></StandardRetur></ModtagBeskedOutput>');
      });
    });
    const messageUuid = crypto.randomUUID();
    const outcome = await pusherFor(url).push({ messageUuid });
    expect(outcome).toEqual({ status: 200, statusKode: 20, responseBody: expect.stringContaining('<StatusKode>20') });
    expect(seen?.body).toMatch(/^<sts:ModtagBeskedInput xmlns:sts="urn:oio:sts:1.0.0"/);
    expect(seen?.body).toContain(
      `<k:BeskedId><sd:UUIDIdentifikator>${messageUuid}</sd:UUIDIdentifikator></k:BeskedId>`,
    );
    expect(seen?.body).toContain('urn:oio:cvr-nr:11111111');
    expect(seen?.body).toContain(`<k:BeskedAnsvarligAktoer><sd:UUIDIdentifikator>${systemUuid}</sd:UUIDIdentifikator>`);
    // The platform's own client certificate (role beskedfordeler): the runner holds no key of the platform's.
    const pki = platform.services.pki;
    const own = new X509Certificate((await pki.serviceCertificate('beskedfordeler')).certPem);
    expect(seen?.fingerprint).toBe(own.fingerprint256);
    expect(own.checkIssued(new X509Certificate(pki.caCertPem))).toBe(true);
    expect(seen?.type).toBe('application/xml; charset=utf-8');
  });

  it('sends a body of the run as it is (a malformed message), and reports the StatusKode the system answered', async () => {
    let body = '';
    const url = await callback((req, res) => {
      req.setEncoding('utf8').on('data', (c: string) => (body += c));
      req.on('end', () =>
        res.end('<ModtagBeskedOutput><StandardRetur><StatusKode>40</StatusKode></StandardRetur></ModtagBeskedOutput>'),
      );
    });
    const outcome = await pusherFor(url).push({ body: 'this is not a Haendelsesbesked' });
    expect(body).toBe('this is not a Haendelsesbesked');
    // StatusKode 40 is the system's answer for the suite to judge, not a failed push.
    expect(outcome).toMatchObject({ status: 200, statusKode: 40 });
    expect(outcome.error).toBeUndefined();
  });

  it("stops reading at 256 KiB a callback that answers without end, and fails the push (the supplier's), saying what came and the cap", async () => {
    let closed: Promise<void> | undefined;
    const url = await callback((req, res) => {
      req.resume();
      closed = new Promise((resolve) => res.once('close', () => resolve()));
      const chunk = Buffer.alloc(64 * 1024, 'x');
      res.write('<ModtagBeskedOutput>');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on('drain', pump);
      pump();
    });
    const outcome = await pusherFor(url).push({});
    expect(outcome).toMatchObject({
      status: 200,
      error: expect.stringMatching(
        /^the callback answered with more than 256 KiB \(HTTP 200\): the Beskedfordeler stopped reading after \d+(\.\d)? KiB/,
      ),
    });
    expect(outcome.responseBody).toMatch(/^<ModtagBeskedOutput>x+$/);
    await closed;
  });

  it('fails the push with the reason when nothing answers at the callback', async () => {
    const outcome = await pusherFor('https://127.0.0.1:1/beskedfordeler').push({});
    expect(outcome).toMatchObject({ responseBody: '', error: expect.stringMatching(/ECONNREFUSED/) });
    expect(outcome.status).toBeUndefined();
  });
});
