import { createServer, type Server } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { issueCertificate } from '../platform/index.ts';
import { loadOrCreateCa } from '../platform/index.ts';
import { callbackPusher } from './pusher.ts';

const temp = tempDirs();
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('the Beskedfordeler push to a callback that answers without end', () => {
  it("stops reading at 256 KiB and fails the push (the supplier's), saying what came and the cap", async () => {
    const now = new Date();
    const ca = await loadOrCreateCa(await temp.make('pusher-'), now);
    const serverCert = await issueCertificate(ca, { subject: 'CN=127.0.0.1', kind: 'server', ips: ['127.0.0.1'], now });
    const client = await issueCertificate(ca, { subject: 'CN=beskedfordeler', kind: 'client', now });
    let closed: Promise<void> | undefined;
    const server = createServer({ cert: serverCert.certPem, key: serverCert.keyPem }, (req, res) => {
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
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const pusher = callbackPusher({
      callbackUrl: `https://127.0.0.1:${(server.address() as { port: number }).port}/beskedfordeler`,
      caPem: ca.certPem,
      certPem: client.certPem,
      keyPem: client.keyPem,
      municipalityCvr: '11111111',
    });
    try {
      const outcome = await pusher.push({});
      expect(outcome).toMatchObject({
        status: 200,
        error: expect.stringMatching(
          /^the callback answered with more than 256 KiB: the Beskedfordeler stopped reading after \d+(\.\d)? KiB/,
        ),
      });
      expect(outcome.responseBody).toMatch(/^<ModtagBeskedOutput>x+$/);
      await closed;
    } finally {
      await pusher.close();
    }
  });
});
