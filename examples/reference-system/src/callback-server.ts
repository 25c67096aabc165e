import { createServer, type Server } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import type { createInbox } from './beskedfordeler.ts';
import type { Faults } from './faults.ts';

/** How late the `slow-first-push` fault answers its first push: past the 3 s the Beskedfordeler allows (by little: the fault run waits for it). */
const SLOW_FIRST_PUSH_MS = 3_200;

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
  // `slow-first-push`: a cold start the Beskedfordeler waits for, once (so the fault run stays short).
  let coldStartMs = faults.has('slow-first-push') ? SLOW_FIRST_PUSH_MS : 0;
  return createServer(
    { cert: tls.cert, key: tls.key, ca: tls.ca, requestCert: !open, rejectUnauthorized: !open },
    async (req, res) => {
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
      if (coldStartMs > 0) {
        const wait = coldStartMs;
        coldStartMs = 0;
        await sleep(wait);
      }
      const reply = inbox.receive(body, now());
      res.writeHead(200, { 'content-type': reply.contentType }).end(reply.body);
    },
  );
}
