import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../server/start-platform.ts';
import { stsNs } from './haendelsesbesked.ts';
import { maxAnswerBytes, pushOnce, type PushTls } from './push-once.ts';

let platform: RunningPlatform;
let dataDir: string;
let callback: Server;
let tls: PushTls;
let answer: (res: import('node:http').ServerResponse) => void;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'klarmeld-push-once-'));
  platform = await startPlatform({ dataDir, port: 0, modules: [] });
  const pki = platform.services.pki as unknown as {
    serverCertificate(host: string): Promise<{ certPem: string; keyPem: string }>;
    serviceCertificate(role: string): Promise<{ certPem: string; keyPem: string }>;
    caCertPem: string;
  };
  const server = await pki.serverCertificate('127.0.0.1');
  const client = await pki.serviceCertificate('beskedfordeler');
  tls = { cert: client.certPem, key: client.keyPem, ca: [pki.caCertPem] };
  callback = createServer({ cert: server.certPem, key: server.keyPem }, (req, res) => {
    req.resume().on('end', () => answer(res));
  });
  await new Promise<void>((r) => callback.listen(0, '127.0.0.1', r));
});

afterAll(async () => {
  callback?.closeAllConnections();
  await new Promise((r) => callback?.close(r));
  await platform?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const push = () =>
  pushOnce(`https://127.0.0.1:${(callback.address() as AddressInfo).port}/`, '<x/>', tls, 1, () => new Date(), 5000);

describe('pushOnce reads a callback answer within bounds', () => {
  it('stops reading an answer that never ends, and says why the delivery failed', async () => {
    answer = (res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (res.write(chunk));
      };
      res.on('drain', pump);
      res.on('close', () => res.off('drain', pump));
      pump();
    };
    const result = await push();
    expect(result.responseBody.length).toBe(maxAnswerBytes);
    expect(result.attempt).toMatchObject({
      httpStatus: 200,
      error: expect.stringMatching(
        /^the callback answered with more than 256 KiB \(HTTP 200\): the Beskedfordeler stopped reading after \d+(\.\d)? KiB/,
      ),
    });
  });

  it('reads StatusKode from a short answer, and none from one nested past the platform limits', async () => {
    answer = (res) =>
      res.end(
        `<sts:ModtagBeskedOutput xmlns:sts="${stsNs}"><StandardRetur><StatusKode>20</StatusKode></StandardRetur></sts:ModtagBeskedOutput>`,
      );
    expect((await push()).attempt).toMatchObject({ statusKode: 20 });
    answer = (res) =>
      res.end(`${'<a>'.repeat(5000)}<StandardRetur><StatusKode>20</StatusKode></StandardRetur>${'</a>'.repeat(5000)}`);
    expect((await push()).attempt).toMatchObject({
      error: expect.stringContaining('holds no StandardRetur/StatusKode'),
    });
  });
});
