import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { serviceClient } from './service-client.ts';
import { followEvents } from './service-relay.ts';

type Answer = 'drop' | 'proxy-502' | 'proxy-503' | { status: number; json: unknown };
let server: Server | undefined;

/** A real HTTP server answering its requests in turn from `answers` (the last one repeats). */
async function serve(answers: Answer[]): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    seen.push(`${request.method} ${request.url}`);
    const answer = answers[Math.min(seen.length, answers.length) - 1]!;
    if (answer === 'drop') {
      request.socket.destroy(); // what a load balancer does when the instance behind it dies mid-poll
    } else if (typeof answer === 'string') {
      response
        .writeHead(answer === 'proxy-502' ? 502 : 503, { 'content-type': 'text/html' })
        .end('<html><body>Bad Gateway</body></html>');
    } else {
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.json));
    }
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

const lost = {
  run: {
    state: 'failed',
    problem: 'run.instance-lost: the klarmeld server instance at http://10.0.0.7:8440 … gave no sign of life',
  },
};

it("follows a run through a dropped connection and a proxy's 502 and 503 to the server's answer that the run was lost", async () => {
  const { url, seen } = await serve([
    'drop',
    'proxy-502',
    'proxy-503',
    { status: 200, json: { events: [], next: 0, state: 'failed' } },
  ]);
  const client = serviceClient(url, 't', { retries: 4, backoffMs: 1 });
  expect(await followEvents(client, 'run-1', () => {})).toBe('failed');
  expect(seen).toEqual(Array(4).fill('GET /api/runs/run-1/events?after=0'));
});

it('reads the run once the connection comes back, with the reason another instance gave', async () => {
  const { url } = await serve(['drop', { status: 200, json: lost }]);
  const answer = await serviceClient(url, 't', { backoffMs: 1 }).poll<typeof lost>('/api/runs/run-1');
  expect(answer.run.problem).toMatch(/^run\.instance-lost/);
});

it('gives up as server-unreachable after its tries, saying how many', async () => {
  const { url, seen } = await serve(['drop']);
  const poll = serviceClient(url, 't', { retries: 2, backoffMs: 1 }).poll('/api/runs/run-1/trigger');
  await expect(poll).rejects.toMatchObject({ code: 'server-unreachable' });
  await expect(poll).rejects.toThrow(/cannot be reached .*tried 3 times/);
  expect(seen).toHaveLength(3);
});

it("does not repeat what is not a poll, nor the server's own failure", async () => {
  const dropped = await serve(['drop']);
  await expect(serviceClient(dropped.url, 't', { backoffMs: 1 }).post('/api/runs', {})).rejects.toMatchObject({
    code: 'server-unreachable',
  });
  expect(dropped.seen).toEqual(['POST /api/runs']);
  await new Promise((resolve) => server!.close(resolve));
  const failing = await serve([
    { status: 503, json: { code: 'store.unavailable', message: 'The database is not reachable.' } },
  ]);
  await expect(
    serviceClient(failing.url, 't', { backoffMs: 1 }).poll('/api/runs/run-1/events?after=0'),
  ).rejects.toMatchObject({ code: 'server-failed' });
  expect(failing.seen).toHaveLength(1);
});
