import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer, type TlsOptions } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from '../../platform/index.ts';
import { loadOrCreateCa } from '../../platform/index.ts';
import { callWithoutCertificate } from './call-without-certificate.ts';

let dir: string;
let tls: TlsOptions;
const servers: Server[] = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klarmeld-anonymous-'));
  const ca = await loadOrCreateCa(dir, new Date());
  const server = await issueCertificate(ca, {
    subject: 'CN=127.0.0.1',
    kind: 'server',
    ips: ['127.0.0.1'],
    now: new Date(),
  });
  tls = { cert: server.certPem, key: server.keyPem, ca: ca.certPem };
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await rm(dir, { recursive: true, force: true });
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  server.on('connection', (socket: Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `https://127.0.0.1:${(server.address() as { port: number }).port}/beskedfordeler`;
}

const ask = (url: string, timeoutMs = 3000) => callWithoutCertificate(url, { body: '<Haendelsesbesked/>', timeoutMs });
const answersOk = (_req: unknown, res: { end(body: string): void }) => res.end('<ok/>');

describe('callWithoutCertificate: how a callback meets a caller without a client certificate', () => {
  it('a server that requires a certificate (TLS 1.3) refuses in the handshake', async () => {
    const url = await listen(createHttpsServer({ ...tls, requestCert: true, rejectUnauthorized: true }, answersOk));
    expect(await ask(url)).toMatchObject({
      kind: 'refused-in-handshake',
      detail: expect.stringMatching(/CERTIFICATE_REQUIRED/),
    });
  });

  it('a server that requires a certificate (TLS 1.2) refuses with a handshake alert', async () => {
    const url = await listen(
      createHttpsServer({ ...tls, maxVersion: 'TLSv1.2', requestCert: true, rejectUnauthorized: true }, answersOk),
    );
    expect(await ask(url)).toMatchObject({
      kind: 'refused-in-handshake',
      detail: expect.stringMatching(/HANDSHAKE_FAILURE/),
    });
  });

  it('a server that checks the certificate itself and drops the connection after the handshake closes after the handshake', async () => {
    const server = createTlsServer({ ...tls, requestCert: true, rejectUnauthorized: false }, (socket) => {
      if (!socket.getPeerX509Certificate()) socket.destroy();
    });
    expect((await ask(await listen(server))).kind).toBe('closed-after-handshake');
  });

  it('a server that lets anyone in answers HTTP, with its status', async () => {
    const url = await listen(createHttpsServer({ ...tls }, answersOk));
    expect(await ask(url)).toEqual({ kind: 'answered', status: 200 });
    const refusingInHttp = await listen(createHttpsServer({ ...tls }, (_req, res) => res.writeHead(403).end()));
    expect(await ask(refusingInHttp)).toEqual({ kind: 'answered', status: 403 });
  });

  it('a refused connection, a reset before the handshake and silence prove nothing', async () => {
    const closed = await listen(createTcpServer());
    await new Promise((resolve) => servers.pop()!.close(resolve));
    expect(await ask(closed)).toMatchObject({
      kind: 'inconclusive',
      detail: expect.stringMatching(/ECONNREFUSED.*before the TLS handshake/),
    });

    const resetting = await listen(createTcpServer((socket) => socket.resetAndDestroy()));
    expect((await ask(resetting)).kind).toBe('inconclusive');

    const silent = await listen(createTlsServer({ ...tls }, () => {}));
    expect(await ask(silent, 300)).toEqual({
      kind: 'inconclusive',
      detail: 'nothing came back within 300 ms after the TLS handshake',
    });
  });

  it('an endpoint that streams something other than HTTP without end is cut off at 64 KiB: inconclusive, and the runner does not fill up', async () => {
    const endless = await listen(
      createTlsServer({ ...tls }, (socket) => {
        const chunk = Buffer.alloc(16 * 1024, 'x');
        const pump = () => {
          while (!socket.destroyed && socket.write(chunk));
        };
        socket.on('drain', pump).on('error', () => {});
        pump();
      }),
    );
    expect(await ask(endless, 10_000)).toEqual({
      kind: 'inconclusive',
      detail: expect.stringMatching(/^the endpoint sent more than 64 KiB that is not HTTP: x{80}$/),
    });
  });
});
