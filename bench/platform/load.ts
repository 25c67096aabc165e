/**
 * The load process of the platform bench: keep-alive mutual TLS with undici, `connections`
 * concurrent callers each sending PersonLookup back to back for `duration` seconds after a
 * warm-up. Prints one JSON line with the figures. Run by run.ts; not meant to be run by hand.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    cert: { type: 'string' },
    key: { type: 'string' },
    ca: { type: 'string' },
    bodies: { type: 'string' },
    action: { type: 'string' },
    method: { type: 'string', default: 'POST' },
    path: { type: 'string' },
    connections: { type: 'string', default: '32' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
  },
});
const url = new URL(values.url!);
const connections = Number(values.connections);
const bodies = JSON.parse(readFileSync(values.bodies!, 'utf8')) as string[];
const pool = new Pool(url.origin, {
  connections,
  pipelining: 1,
  connect: { ca: readFileSync(values.ca!), cert: readFileSync(values.cert!), key: readFileSync(values.key!) },
});
const headers = { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${values.action}"` };

const latencies: number[] = [];
let errors = 0;
let non200 = 0;
let measuring = false;
let running = true;

async function caller(index: number): Promise<void> {
  let i = index;
  while (running) {
    const body = bodies[i++ % bodies.length]!;
    const started = performance.now();
    try {
      const res =
        values.method === 'GET'
          ? await pool.request({ path: values.path ?? url.pathname, method: 'GET' })
          : await pool.request({ path: url.pathname, method: 'POST', headers, body });
      await res.body.text();
      served += 1;
      if (measuring) {
        latencies.push(performance.now() - started);
        if (res.statusCode !== 200) non200 += 1;
      }
    } catch {
      if (measuring) errors += 1;
    }
  }
}

let served = 0;
const cpuStart = process.cpuUsage();
const workers = Array.from({ length: connections }, (_, i) => caller(i));
await new Promise((r) => setTimeout(r, Number(values.warmup) * 1000));
measuring = true;
const started = performance.now();
await new Promise((r) => setTimeout(r, Number(values.duration) * 1000));
measuring = false;
const elapsed = (performance.now() - started) / 1000;
running = false;
await Promise.all(workers);
await pool.close();
const cpu = process.cpuUsage(cpuStart);

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
const round = (n: number) => Math.round(n * 100) / 100;
process.stdout.write(
  `${JSON.stringify({
    requests: latencies.length,
    seconds: round(elapsed),
    rps: Math.round(latencies.length / elapsed),
    p50: round(pct(50)),
    p90: round(pct(90)),
    p99: round(pct(99)),
    max: round(latencies.at(-1) ?? NaN),
    errors,
    non200,
    served,
    cpuUs: cpu.user + cpu.system,
  })}\n`,
);
