import { createServer, type Server } from 'node:https';
import type { createInbox } from './beskedfordeler.ts';
import type { Faults } from './faults.ts';

/**
 * The HTTPS endpoint the Beskedfordeler pushes to (SF1461 BeskedFåTilsendt). Two-way TLS:
 * it presents the system certificate and only accepts callers whose certificate the
 * platform's CA issued, as KOMBIT's whitelist does.
 */
export function createCallbackServer(
  tls: { cert: string; key: string; ca: string },
  inbox: ReturnType<typeof createInbox>,
  now: () => Date,
  faults: Faults = new Set(),
): Server {
  const open = faults.has('callback-without-client-certificate');
  return createServer({ cert: tls.cert, key: tls.key, ca: tls.ca, requestCert: !open, rejectUnauthorized: !open }, async (req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    let body = '';
    for await (const chunk of req) {
      body += chunk;
      if (body.length > 5_000_000) {
        res.writeHead(413).end();
        return;
      }
    }
    const reply = inbox.receive(body, now());
    res.writeHead(200, { 'content-type': reply.contentType }).end(reply.body);
  });
}
