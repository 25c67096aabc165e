/**
 * Abuse bench: one it-system floods `GET /klarmeld/exchanges` after recording large exchanges,
 * while another it-system calls PersonLookup. Measures the other system's latency during the
 * flood and the platform's RSS (sampled every 50 ms), on a real platform at its default limits.
 *
 *   npx node bench/abuse/exchanges-flood.ts [--exchanges 1000] [--kib 100] [--parallel 16] [--limit 1000]
 *
 * The flooder runs in its own process (its memory is not the platform's): `--parallel` queries at
 * once, each `?limit=<limit>` and following `next` until the last page, counting the exchanges
 * and bytes it got. Each recorded exchange carries a request body of `--kib` KiB (the recorder
 * keeps 64 KiB of it). Prints one JSON document; append the figures to bench/RESULTS.md by hand.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import { machine, mib, round, startBenchPlatform } from './abuse-setup.ts';

const { values } = parseArgs({
  options: {
    exchanges: { type: 'string', default: '1000' },
    kib: { type: 'string', default: '100' },
    parallel: { type: 'string', default: '16' },
    limit: { type: 'string', default: '1000' },
    flood: { type: 'boolean', default: false },
    url: { type: 'string' },
    cert: { type: 'string' },
    key: { type: 'string' },
    ca: { type: 'string' },
  },
});

if (values.flood) await flood();
else await main();

/** The flooder process: `parallel` reads of all its exchanges at once. */
async function flood() {
  const agent = new Agent({
    connect: {
      ca: readFileSync(values.ca!),
      cert: readFileSync(values.cert!),
      key: readFileSync(values.key!),
      timeout: 300_000,
    },
    connections: Number(values.parallel),
    headersTimeout: 300_000,
    bodyTimeout: 300_000,
  });
  // Open every connection first (the TLS handshakes are not what is measured).
  await Promise.all(
    Array.from({ length: Number(values.parallel) }, async () =>
      (await request(new URL('/.well-known/klarmeld/signing-key', values.url), { dispatcher: agent })).body.dump(),
    ),
  );
  process.send!({ connected: true });
  const readAll = async () => {
    let next: string | undefined = `/klarmeld/exchanges?since=2000-01-01T00:00:00Z&limit=${values.limit}`;
    let exchanges = 0;
    let bytes = 0;
    let pages = 0;
    let largestPage = 0;
    while (next) {
      const res = await request(new URL(next, values.url), { dispatcher: agent });
      const text = await res.body.text();
      if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`);
      const page = JSON.parse(text) as { exchanges: unknown[]; next?: string };
      exchanges += page.exchanges.length;
      bytes += Buffer.byteLength(text);
      largestPage = Math.max(largestPage, Buffer.byteLength(text));
      pages += 1;
      next = page.next;
    }
    return { exchanges, bytes, pages, largestPage };
  };
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: Number(values.parallel) }, readAll));
  process.send!({ ms: round(performance.now() - started), results });
  await agent.close();
}

async function main() {
  const count = Number(values.exchanges);
  const { platform, addSystem, cleanUp } = await startBenchPlatform();
  try {
    const flooder = await addSystem('Flooder');
    const victim = await addSystem('Other system');

    // Large exchanges of the flooder: POSTs to a path without a service are recorded too (404).
    const recordingAgent = flooder.agent({ connections: 8 });
    const big = `<x>${'a'.repeat(Number(values.kib) * 1024)}</x>`;
    const recordStarted = performance.now();
    for (let i = 0; i < count; i += 8) {
      await Promise.all(
        Array.from({ length: Math.min(8, count - i) }, async () => {
          const res = await request(`${platform.url}/service/none`, {
            method: 'POST',
            body: big,
            headers: { 'content-type': 'text/xml' },
            dispatcher: recordingAgent,
          });
          await res.body.dump();
        }),
      );
    }
    await recordingAgent.close();
    platform.recorder.flush();
    const recordMs = round(performance.now() - recordStarted);

    const victimAgent = victim.agent({ connections: 1, timeoutMs: 300_000 });
    const warm = await victim.personLookup({ agent: victimAgent });
    if (warm.error) throw new Error(`The warm-up PersonLookup failed: ${warm.error}`);
    const quiet = [];
    for (let i = 0; i < 20; i += 1) quiet.push((await victim.personLookup({ agent: victimAgent })).ms);
    const rssBeforeMiB = mib(process.memoryUsage().rss);

    let rssPeak = 0;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
    const child = fork(fileURLToPath(import.meta.url), [
      '--flood',
      '--url',
      platform.url,
      '--cert',
      flooder.system.cert,
      '--key',
      flooder.system.key,
      '--ca',
      flooder.system.ca,
      '--parallel',
      values.parallel!,
      '--limit',
      values.limit!,
    ]);
    const connected = new Promise((resolve) => child.once('message', resolve));
    const flooded = new Promise<{
      ms: number;
      results: { exchanges: number; bytes: number; pages: number; largestPage: number }[];
    }>((resolve, reject) => {
      void connected.then(() => child.once('message', resolve as never));
      child.once('exit', (code) => reject(new Error(`the flooder exited with ${code}`)));
    });
    let flooding = true;
    void flooded.finally(() => (flooding = false)).catch(() => undefined);
    const during: number[] = [];
    const errors: string[] = [];
    // Once the flooder's connections are open, call as the other system until it is done.
    await connected;
    while (flooding) {
      const r = await victim.personLookup({ agent: victimAgent });
      if (r.error || r.status !== 200) errors.push(r.error ?? `HTTP ${r.status}`);
      during.push(r.ms);
    }
    const result = await flooded;
    clearInterval(sampler);
    await victimAgent.close();
    const sorted = [...during].sort((a, b) => a - b);
    const first = result.results[0]!;
    process.stdout.write(
      `${JSON.stringify(
        {
          machine: machine(),
          exchanges: count,
          requestKiB: Number(values.kib),
          parallel: Number(values.parallel),
          limit: Number(values.limit),
          recordMs,
          flood: {
            ms: result.ms,
            perQuery: {
              exchanges: first.exchanges,
              pages: first.pages,
              MiB: round(first.bytes / 2 ** 20),
              largestPageKiB: Math.round(first.largestPage / 1024),
            },
            allQueriesGotEveryExchange: result.results.every((r) => r.exchanges === count),
          },
          otherSystem: {
            quietMedianMs: quiet.sort((a, b) => a - b)[10],
            lookupsDuringFlood: during.length,
            p10Ms: sorted[Math.floor(sorted.length / 10)],
            medianMs: sorted[Math.floor(sorted.length / 2)],
            p99Ms: sorted[Math.floor(sorted.length * 0.99)],
            maxMs: sorted.at(-1),
            errors,
          },
          platformRssMiB: {
            before: rssBeforeMiB,
            peakDuringFlood: mib(rssPeak),
            after: mib(process.memoryUsage().rss),
          },
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await cleanUp();
  }
}
