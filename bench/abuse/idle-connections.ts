/**
 * Abuse bench: idle TCP connections that never start a TLS handshake (no certificate, no bytes),
 * from another process, against a real platform at its real default limits. Measures, while they
 * are open, how long a good PersonLookup over a fresh mutual-TLS connection takes (an SF1520 call
 * by a registered system with an approved agreement), the platform's RSS, and how many idle
 * sockets the platform has closed a few seconds later.
 *
 *   npx node bench/abuse/idle-connections.ts [--count 1100] [--lookups 5] [--patience 20] [--reconnect]
 *
 * --reconnect: the attacker opens a new idle socket for each one the platform closes, so 1,100
 * stay open for the whole measurement. --patience: seconds a good client keeps retrying.
 * Needs about 2 × count + 100 open files (both processes inherit `ulimit -n`; raise it if lower).
 * Prints one JSON document; append the figures to bench/RESULTS.md by hand.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machine, mib, round, startBenchPlatform } from './abuse-setup.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1100' },
    lookups: { type: 'string', default: '5' },
    patience: { type: 'string', default: '20' },
    reconnect: { type: 'boolean', default: false },
    attack: { type: 'boolean', default: false },
    port: { type: 'string' },
    host: { type: 'string' },
  },
});

if (values.attack) await attack(values.host!, Number(values.port), Number(values.count), values.reconnect!);
else await main();

/** The attacker process: opens `count` idle sockets, answers `{ open, closedByServer }` when asked. */
async function attack(host: string, port: number, count: number, reconnect: boolean) {
  const open = new Set<Socket>();
  let closedByServer = 0;
  let stopping = false;
  const one = () =>
    new Promise<void>((resolve) => {
      const socket = connect({ host, port });
      socket.on('connect', () => {
        open.add(socket);
        resolve();
      });
      socket.on('error', () => resolve());
      socket.on('close', () => {
        if (open.delete(socket)) closedByServer += 1;
        if (reconnect && !stopping) setTimeout(() => void one(), 10);
        resolve();
      });
    });
  // In batches, so the listen backlog is not what refuses them.
  for (let i = 0; i < count; i += 100) await Promise.all(Array.from({ length: Math.min(100, count - i) }, one));
  process.send!({ ready: true, open: open.size, closedByServer });
  process.on('message', (m: { ask?: boolean; stop?: boolean }) => {
    if (m.ask) process.send!({ open: open.size, closedByServer });
    if (m.stop) {
      stopping = true;
      for (const s of open) s.destroy();
      process.disconnect();
    }
  });
}

async function main() {
  const count = Number(values.count);
  const { platform, addSystem, cleanUp } = await startBenchPlatform();
  let attacker: ChildProcess | undefined;
  try {
    const good = await addSystem('Good system');
    const warm = await good.personLookup();
    if (warm.error) throw new Error(`The warm-up PersonLookup failed: ${warm.error}`);
    const rssBeforeMiB = mib(process.memoryUsage().rss);

    attacker = fork(fileURLToPath(import.meta.url), [
      '--attack',
      '--host',
      platform.host,
      '--port',
      String(platform.port),
      '--count',
      String(count),
      ...(values.reconnect ? ['--reconnect'] : []),
    ]);
    const child = attacker;
    const ask = () =>
      new Promise<{ open: number; closedByServer: number }>((resolve) => {
        child.once('message', resolve as never);
        child.send({ ask: true });
      });
    const openedAt = performance.now();
    const ready = await new Promise<{ open: number; closedByServer: number }>((resolve) =>
      child.once('message', resolve as never),
    );
    const attackOpenMs = round(performance.now() - openedAt);

    // A good client retries until it is answered or its patience runs out: the first figure is
    // how long a system is locked out, the rest are single calls while the sockets stay open.
    const patienceMs = Number(values.patience) * 1000;
    const started = performance.now();
    let first = await good.personLookup({ timeoutMs: 5000 });
    let attempts = 1;
    while ((first.error || first.status !== 200) && performance.now() - started < patienceMs) {
      await new Promise((r) => setTimeout(r, 200));
      first = await good.personLookup({ timeoutMs: 5000 });
      attempts += 1;
    }
    const firstAnsweredMs = first.error ? undefined : round(performance.now() - started);
    const during = await ask();
    const lookups = [];
    for (let i = 0; i < Number(values.lookups); i += 1) lookups.push(await good.personLookup({ timeoutMs: 5000 }));
    const rssDuringMiB = mib(process.memoryUsage().rss);
    // Past the handshake timeout: the platform has closed the idle sockets (the attacker may have reopened them).
    await new Promise((r) => setTimeout(r, 6000));
    const after6s = await ask();
    const lookupAfter6s = await good.personLookup({ timeoutMs: 5000 });

    process.stdout.write(
      `${JSON.stringify(
        {
          machine: machine(),
          count,
          reconnect: values.reconnect,
          attackOpenMs,
          attackerAfterOpening: ready,
          attackerWhileMeasuring: during,
          attackerAfter6s: after6s,
          goodLookup: {
            firstAnsweredMs: firstAnsweredMs ?? `not answered within ${values.patience} s`,
            attempts,
            firstError: first.error,
            lookups,
            lookupAfter6s,
          },
          platformRssMiB: { before: rssBeforeMiB, during: rssDuringMiB, after6s: mib(process.memoryUsage().rss) },
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    attacker?.send({ stop: true });
    await cleanUp();
  }
}
