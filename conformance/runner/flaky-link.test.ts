import { createServer, connect, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startFlakyLink, type FlakyLink } from './flaky-link.ts';

let echo: Server;
let link: FlakyLink;
afterEach(async () => {
  await link?.close();
  await new Promise((resolve) => echo?.close(resolve));
});

/** Sends one line through the link and resolves to the answer, or to the error code. */
function roundTrip(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('ping'));
    socket.once('data', (data) => {
      resolve(String(data));
      socket.destroy();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    socket.once('close', () => resolve('closed'));
  });
}

describe('flaky link', () => {
  it('passes bytes through, resets exactly the next connection when told, then passes again', async () => {
    echo = createServer((socket) => socket.on('data', (d) => socket.write(`echo ${d}`)));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    link = await startFlakyLink('127.0.0.1', (echo.address() as { port: number }).port);
    expect(await roundTrip(link.port)).toBe('echo ping');
    link.failNext(1);
    expect(['ECONNRESET', 'closed']).toContain(await roundTrip(link.port));
    expect(await roundTrip(link.port)).toBe('echo ping');
    expect(link.resets).toBe(1);
  });
});
