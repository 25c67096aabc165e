import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP pass-through between the system under test and the platform. TLS stays end to end
 * (the link only copies bytes), so the platform still sees the system's own certificate. The
 * runner uses it to cut connections on purpose and see whether the system retries: the only
 * way to cause a transient network failure without changing the platform.
 */
export interface FlakyLink {
  /** Where the system should connect instead of the platform. */
  port: number;
  /** Closes every open connection and resets the next `count` new ones. */
  failNext(count: number): void;
  /** How many connections were reset on purpose so far. */
  readonly resets: number;
  close(): Promise<void>;
}

export async function startFlakyLink(targetHost: string, targetPort: number): Promise<FlakyLink> {
  const open = new Set<Socket>();
  let toFail = 0;
  let resets = 0;
  const server: Server = createServer((client) => {
    if (toFail > 0) {
      toFail -= 1;
      resets += 1;
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(targetPort, targetHost);
    open.add(client);
    const forget = () => {
      open.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The flaky link did not get a port');
  return {
    port: address.port,
    failNext(count) {
      toFail = count;
      for (const socket of open) socket.resetAndDestroy();
      open.clear();
    },
    get resets() {
      return resets;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
