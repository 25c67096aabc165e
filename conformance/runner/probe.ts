import { connect } from 'node:net';
import { EnvironmentError } from '../framework/index.ts';

/** Fails with an environment error when nothing listens at the URL's host and port. */
export async function probeReachable(url: string, timeoutMs = 3000): Promise<void> {
  const target = new URL(url);
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host: target.hostname, port, timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    const fail = (why: string) => {
      socket.destroy();
      reject(
        new EnvironmentError(
          'platform-unreachable',
          `The platform at ${url} cannot be reached (${why}). Start it (klarmeld platform start) or check --platform / platform.url`,
        ),
      );
    };
    socket.once('timeout', () => fail('no answer'));
    socket.once('error', (error: NodeJS.ErrnoException) => fail(error.code ?? error.message));
  });
}
