import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import { createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../catalog/index.ts';
import { startPlatform, type RunningPlatform } from '../../platform/index.ts';
import { callbackPusher } from '../../runner/index.ts';
import { runOneTest, standInEnvironment } from '../testing/run-one-test.ts';
import { sf1461Suite } from './suite.ts';

/**
 * `sf1461.push.callback-requires-client-certificate` against stand-in callbacks, reached as the
 * runner reaches them: the platform's Beskedfordeler (asked by the runner's pusher), then a caller
 * without a certificate.
 */
const testId = 'sf1461.push.callback-requires-client-certificate';
let dir: string;
let platform: RunningPlatform;
let systemUuid: string;
let pki: { caPem: string; server: { cert: string; key: string } };
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klarmeld-callback-'));
  platform = await startPlatform({ dataDir: dir, port: 0, catalog: (await loadCatalog()).catalog, modules: [] });
  systemUuid = (await platform.admin.addSystem({ name: 'Callback under test' })).systemUuid;
  // The callback's certificate is of the platform CA, as the runner issues it for a started system.
  const server = await (
    platform.services.pki as unknown as {
      serverCertificate(host: string): Promise<{ certPem: string; keyPem: string }>;
    }
  ).serverCertificate('127.0.0.1');
  pki = { caPem: platform.services.pki.caCertPem, server: { cert: server.certPem, key: server.keyPem } };
});

afterAll(async () => {
  for (const close of closers) await close();
  await platform?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function callback(options: { requireCertificate: boolean }): Promise<string> {
  const server: Server = createServer(
    {
      ...pki.server,
      ca: pki.caPem,
      requestCert: options.requireCertificate,
      rejectUnauthorized: options.requireCertificate,
    },
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' }).end('<ModtagBeskedOutput/>');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))));
  return `https://127.0.0.1:${(server.address() as { port: number }).port}/beskedfordeler`;
}

async function run(callbackUrl: string) {
  const pusher = callbackPusher({
    callbackUrl,
    municipalityCvr: '11111111',
    push: (request) => platform.admin.pushMessage({ system: systemUuid, ...request }),
  });
  return runOneTest(sf1461Suite, testId, standInEnvironment({ callbackUrl, beskedfordeler: pusher, caPem: pki.caPem }));
}

describe(testId, () => {
  it('passes for a callback that answers the platform and refuses a caller without a certificate in the TLS handshake', async () => {
    const record = await run(await callback({ requireCertificate: true }));
    expect({ result: record.result, message: record.message }).toEqual({ result: 'pass', message: undefined });
    expect(record.log.map((l) => l.text).join('\n')).toMatch(/refused as it should be \(refused-in-handshake\)/);
  });

  it('fails for a callback that lets a caller without a certificate in', async () => {
    const record = await run(await callback({ requireCertificate: false }));
    expect(record).toMatchObject({
      result: 'fail',
      blame: 'supplier',
      message: expect.stringMatching(/answered HTTP 200 to a caller without a certificate/),
    });
  });

  it('does not pass when nothing listens at the callback: a refused connection is no proof of 2-way TLS', async () => {
    const probe = createTcpServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    const record = await run(`https://127.0.0.1:${port}/beskedfordeler`);
    expect(record).toMatchObject({
      result: 'fail',
      message: expect.stringMatching(/did not answer the Beskedfordeler's own certificate either/),
    });
  });
});
