/** A real HTTP receiver for tests: records each request and answers with the statuses it is given, in turn (the last one repeats). */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  path: string;
}

export interface WebhookReceiver {
  url: string;
  received: Received[];
  /** Resolves with the request number `n` (1-based) once it has come. */
  request(n: number): Promise<Received>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(statuses: number[] = [204]): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const waiting: { n: number; resolve: (r: Received) => void }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), path: req.url ?? '/' };
      received.push(entry);
      res.writeHead(statuses[Math.min(received.length, statuses.length) - 1] ?? 204).end();
      for (const w of waiting.filter((w) => w.n === received.length)) w.resolve(entry);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    request: (n) =>
      received[n - 1] ? Promise.resolve(received[n - 1]!) : new Promise((resolve) => waiting.push({ n, resolve })),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
