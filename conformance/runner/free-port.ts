import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Ports a system is told to listen on are picked below the kernel's ephemeral range: a port the
 * OS hands out for `listen(0)` comes from that range, and once released it can be taken by any
 * outgoing connection (or another `listen(0)`) before the system binds it, which under load made
 * a reference system fail to start with EADDRINUSE about one full test run in three. Below the
 * range only another picker like this one can take it, and the random pick makes that rare.
 */
const fallbackRange = { low: 32768 };
const lowest = 10_000;
/** Ports this process handed out recently: never hand the same one out twice in a row. */
const recent: number[] = [];

function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 0 ? low : fallbackRange.low;
  } catch {
    return fallbackRange.low;
  }
}

/** Resolves with `port` if nothing listens on it on 127.0.0.1 now, else with undefined. */
function bindable(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(port)));
  });
}

/** A TCP port on 127.0.0.1 that is free right now and that the OS will not hand to anyone else. */
export async function freePort(): Promise<number> {
  const high = ephemeralLow() - 1;
  if (high - lowest >= 1000) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const candidate = lowest + Math.floor(Math.random() * (high - lowest + 1));
      if (recent.includes(candidate)) continue;
      // Reserved before the check, so two calls at once in this process never get the same port.
      recent.push(candidate);
      if (recent.length > 64) recent.shift();
      if ((await bindable(candidate)) !== undefined) return candidate;
    }
  }
  // No room below the ephemeral range (an unusual kernel setting): let the OS pick.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
