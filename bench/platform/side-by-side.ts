/**
 * The platform beside its limit (issue 15): a bare Node https server with mutual TLS that answers
 * a fixed 2 KB body, and the platform serving SF1520 PersonLookup with validation and recording
 * on, measured in the same run by the same load process (load.ts) with the same connection count,
 * interleaved (bare, platform, bare, platform, …). Reports each round, the medians, and the ratios
 * platform/bare for req/s (goal ≥ 0.5) and p99 (goal ≤ 2×).
 *
 * After the load it checks the evidence: every request the platform answered is recorded
 * (exchanges stored = responses counted by the load process, warm-up included), stored in one
 * unbroken sequence with unique ids, and every served exchange's digest is the digest of its
 * record and its signature verifies under the platform's published key.
 *
 *   npx node bench/platform/side-by-side.ts [--rounds 3] [--duration 10] [--connections 32] [--verify all|N]
 *     [--only bare|platform] [--processes 1] [--bare-work-us 0] [--budget-us 30,60,90]
 *
 * `--processes N` runs the platform in N processes on one data folder and one port (SO_REUSEPORT;
 * request-process.ts): whether using the second core for requests pays on this machine. The
 * platform's server CPU is then that of all of them.
 *
 * `--budget-us W1,W2,…` also measures, in every round, the bare server spending W µs of CPU per
 * request (a busy loop) before it answers: the rate a server reaches on this machine when its own
 * work per request costs W beside the same TLS, HTTP and load process. A line fitted to those points
 * (time per request against W) gives the budget, the W at which the bare server falls to half its
 * rate (what the platform may spend for ≥ 0.5), and the platform's equivalent, the W at which it
 * runs at the platform's rate (what the platform's validation, recording and SOAP work cost as it
 * runs, its TLS and HTTP at that rate included in the line).
 */
import { type ChildProcess, execFile, fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { exchangeDigest, verifyDigest } from '../../conformance/evidence/index.ts';
import { personLookupAction } from '../../conformance/clients/cpr/person-lookup-envelope.ts';
import { personLookupBodies } from './lookup-bodies.ts';
import type { PlatformPkiStore } from '../../conformance/platform/pki/platform-pki.ts';
import { startPlatform } from '../../conformance/platform/server/start-platform.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '32' },
    verify: { type: 'string', default: 'all' },
    // For profiling one side (e.g. under --cpu-prof): the other is not loaded and no ratio is printed.
    only: { type: 'string' },
    processes: { type: 'string', default: '1' },
    // Diagnostic: the bare server spends this much CPU per request before answering (a busy loop),
    // to see how its TLS and HTTP cost per request changes at the platform's rate.
    'bare-work-us': { type: 'string', default: '0' },
    'budget-us': { type: 'string', default: '' },
  },
});
const rounds = Number(values.rounds);
const loadAverage = async () =>
  (await promisify(execFile)('cat', ['/proc/loadavg'])).stdout.trim().split(' ').slice(0, 3).join(' ');
const loadAtStart = await loadAverage();
const { catalog } = await loadCatalog();
const dataDir = mkdtempSync(join(tmpdir(), 'klarmeld-side-by-side-'));
const processes = Number(values.processes);
const bareWorkUs = Number(values['bare-work-us']);
const budgetWorkUs = values['budget-us'] ? values['budget-us'].split(',').map(Number) : [];
if (budgetWorkUs.some((w) => !(w > 0))) throw new Error(`--budget-us takes positive µs, e.g. 30,60,90`);
// The bare server's busy loop per request, in ns: --bare-work-us, or a budget point's while it is measured.
let bareWorkNs = BigInt(Math.round(bareWorkUs * 1000));
const platform = await startPlatform({
  dataDir,
  port: 0,
  catalog,
  validation: true,
  recording: true,
  reusePort: processes > 1,
});
// The platform's own server certificate (the store returns the pair it already made).
const tls = await (platform.services.pki as PlatformPkiStore).serverCertificate(platform.host);
// The limit: TLS with a client certificate of the same CA, keep-alive, the body read, a fixed 2 KB answer.
const answer = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><answer>${'x'.repeat(2048 - 57)}</answer>`);
const bare = createServer(
  {
    key: tls.keyPem,
    cert: tls.certPem,
    ca: platform.services.pki.caCertPem,
    requestCert: true,
    rejectUnauthorized: true,
    keepAlive: true,
  },
  (req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      if (bareWorkNs > 0n) for (const until = process.hrtime.bigint() + bareWorkNs; process.hrtime.bigint() < until;);
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'content-length': answer.length }).end(answer);
    });
  },
);
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const bareUrl = `https://127.0.0.1:${(bare.address() as AddressInfo).port}`;

const helpers: ChildProcess[] = [];
const reply = <T>(child: ChildProcess, message: string, key: string) =>
  new Promise<T>((resolve, reject) => {
    const onMessage = (m: Record<string, unknown>) => {
      if (!(key in m)) return;
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`request process exited (${code})`)));
    if (message) child.send(message);
  });
async function startHelper(): Promise<ChildProcess> {
  const child = fork(
    fileURLToPath(new URL('./request-process.ts', import.meta.url)),
    ['--data', dataDir, '--port', String(platform.port)],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  await reply(child, '', 'ready');
  return child;
}
const helpersCpuUs = async () => {
  let sum = 0;
  for (const h of helpers) sum += (await reply<{ cpuUs: number }>(h, 'cpu', 'cpuUs')).cpuUs;
  return sum;
};
async function stopHelpers(): Promise<void> {
  for (const h of helpers.splice(0)) {
    const { errors } = await reply<{ errors: string[] }>(h, 'stop', 'stopped');
    if (errors.length) console.error(`request process recorder errors: ${errors.join('; ')}`);
  }
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  served: number;
  errors: number;
  non200: number;
  cpuUs: number;
}

try {
  const system = await platform.admin.addSystem({ name: 'Bench' });
  const agreement = platform.admin.addAgreement({ system: 'Bench', service: 'SF1520', municipalityCvr: '11111111' });
  const bodies = personLookupBodies(system.systemUuid, agreement);
  const bodiesFile = join(dataDir, 'bodies.json');
  writeFileSync(bodiesFile, JSON.stringify(bodies));
  const path = '/service/CPR/PersonBaseDataExtended/4';
  for (let i = 1; i < processes; i++) helpers.push(await startHelper());

  type Measured = LoadResult & { serverCpuUs: number; threadCpuUs: number; writerCpuUs: number; loadCpuUs: number };
  async function load(origin: string): Promise<Measured> {
    const child = spawn(
      process.execPath,
      [
        fileURLToPath(new URL('./load.ts', import.meta.url)),
        '--url',
        `${origin}${path}`,
        '--cert',
        system.cert,
        '--key',
        system.key,
        '--ca',
        system.ca,
        '--bodies',
        bodiesFile,
        '--action',
        personLookupAction,
        '--connections',
        values.connections!,
        '--duration',
        values.duration!,
        '--warmup',
        values.warmup!,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const helpersBefore = await helpersCpuUs();
    const cpuBefore = process.cpuUsage();
    const threadBefore = process.threadCpuUsage();
    const writerBefore = platform.recorder.writerCpuMs();
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await new Promise((resolve) => child.once('exit', resolve));
    const cpu = process.cpuUsage(cpuBefore);
    const helpersCpu = origin === bareUrl ? 0 : (await helpersCpuUs()) - helpersBefore;
    const thread = process.threadCpuUsage(threadBefore);
    const result = JSON.parse(out.trim().split('\n').at(-1)!) as LoadResult;
    // CPU per request answered, warm-up included: what the shared machine cannot inflate as much as wall time.
    // The server process's CPU splits into the request thread, the recorder's writer thread and V8's helpers (GC).
    const per = (us: number) => Math.round(us / Math.max(result.served, 1));
    return {
      ...result,
      serverCpuUs: per(cpu.user + cpu.system + helpersCpu),
      threadCpuUs: per(thread.user + thread.system),
      writerCpuUs: per((platform.recorder.writerCpuMs() - writerBefore) * 1000),
      loadCpuUs: per(result.cpuUs),
    };
  }

  const describe = (m: Measured) =>
    `${m.rps} req/s p99 ${m.p99} ms (CPU/request: server ${m.serverCpuUs} µs = request thread ${m.threadCpuUs} + writer ${m.writerCpuUs} + other; load ${m.loadCpuUs} µs)`;
  const bareRuns: Measured[] = [];
  const platformRuns: Measured[] = [];
  const budgetRuns = new Map<number, Measured[]>(budgetWorkUs.map((w) => [w, []]));
  for (let round = 1; round <= rounds; round++) {
    const b = values.only === 'platform' ? undefined : await load(bareUrl);
    if (b) bareRuns.push(b);
    const p = values.only === 'bare' ? undefined : await load(platform.url);
    if (p) platformRuns.push(p);
    const budget: string[] = [];
    for (const w of budgetWorkUs) {
      bareWorkNs = BigInt(Math.round(w * 1000));
      const m = await load(bareUrl);
      bareWorkNs = BigInt(Math.round(bareWorkUs * 1000));
      budgetRuns.get(w)!.push(m);
      budget.push(`+${w} µs ${m.rps}`);
    }
    const failures = [b, p].reduce((n, m) => n + (m ? m.errors + m.non200 : 0), 0);
    console.log(
      `round ${round} (load ${await loadAverage()}):` +
        (b ? ` bare ${describe(b)}` : '') +
        (p ? ` | platform ${describe(p)}` : '') +
        (b && p ? ` | ratio ${(p.rps / b.rps).toFixed(2)}, p99 ×${(p.p99 / b.p99).toFixed(2)}` : '') +
        (budget.length ? ` | bare with work per request: ${budget.join(', ')} req/s` : '') +
        (failures ? ` | errors + non-200: ${failures}` : ''),
    );
  }

  // The evidence after the load: nothing lost, in one unbroken order, every exchange signable.
  const evidenceStarted = performance.now();
  // Further request processes record into the same table: stopped (everything they queued written) first.
  await stopHelpers();
  platform.recorder.flush();
  const answered = platformRuns.reduce((sum, r) => sum + r.served, 0);
  const db = platform.services.database;
  const stored = db
    .prepare(
      'SELECT count(*) AS n, min(seq) AS first, max(seq) AS last, count(DISTINCT id) AS ids FROM exchanges WHERE system_uuid = ?',
    )
    .get(system.systemUuid) as { n: number; first: number; last: number; ids: number };
  const all = (db.prepare('SELECT count(*) AS n FROM exchanges').get() as { n: number }).n;
  const limit = values.verify === 'all' ? Number.POSITIVE_INFINITY : Number(values.verify);
  let checked = 0;
  let badDigest = 0;
  let badSignature = 0;
  let outOfOrder = 0;
  let lastSeqTime = '';
  for (const page of platform.recorder.pages({ systemUuid: system.systemUuid, limit: 1000 })) {
    for (const exchange of page) {
      if (checked >= limit) break;
      if (exchangeDigest(exchange as unknown as Record<string, unknown>) !== exchange.digest) badDigest += 1;
      if (!verifyDigest(exchange.digest, exchange.signature, platform.services.signer.publicKeyPem)) badSignature += 1;
      // Stored in the order answered; a request that arrived earlier may be answered a little later, never seconds later.
      if (lastSeqTime && Date.parse(exchange.time) < Date.parse(lastSeqTime) - 1000) outOfOrder += 1;
      if (exchange.time > lastSeqTime) lastSeqTime = exchange.time;
      checked += 1;
    }
    if (checked >= limit) break;
  }
  const evidence = {
    answered,
    recorded: stored.n,
    recordedAll: all,
    lost: answered - stored.n,
    gapless: stored.last - stored.first + 1 === stored.n,
    uniqueIds: stored.ids === stored.n,
    checked,
    badDigest,
    badSignature,
    outOfOrder,
    recorderErrors: platform.recorder.errors.length,
    seconds: Math.round((performance.now() - evidenceStarted) / 100) / 10,
  };

  const roundFigures = (r: Measured) => ({
    rps: r.rps,
    p50: r.p50,
    p99: r.p99,
    serverCpuUs: r.serverCpuUs,
    threadCpuUs: r.threadCpuUs,
    writerCpuUs: r.writerCpuUs,
    loadCpuUs: r.loadCpuUs,
    errors: r.errors,
    non200: r.non200,
  });
  const cpuCeiling = (runs: Measured[]) => (cpus().length * 1e6) / median(runs.map((r) => r.serverCpuUs + r.loadCpuUs));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const bareRps = median(bareRuns.map((r) => r.rps));
  const bareP99 = median(bareRuns.map((r) => r.p99));
  const platformRps = median(platformRuns.map((r) => r.rps));
  const platformP99 = median(platformRuns.map((r) => r.p99));
  const summary = {
    machine: {
      date: new Date().toISOString(),
      nproc: cpus().length,
      cpu: cpus()[0]?.model,
      node: process.version,
      loadAtStart,
      loadAtEnd: await loadAverage(),
    },
    connections: Number(values.connections),
    durationS: Number(values.duration),
    rounds,
    bare: {
      rps: bareRps,
      cpuCeilingRps: Math.round(cpuCeiling(bareRuns)),
      p99: bareP99,
      rounds: bareRuns.map(roundFigures),
    },
    platform: {
      rps: platformRps,
      cpuCeilingRps: Math.round(cpuCeiling(platformRuns)),
      p99: platformP99,
      rounds: platformRuns.map(roundFigures),
    },
    ratio: {
      throughput: Math.round((platformRps / bareRps) * 100) / 100,
      p99: Math.round((platformP99 / bareP99) * 100) / 100,
      // What the wall figures show when nothing else runs: server and load process share the
      // machine's cores, so a side's ceiling is cores ÷ (its CPU per request, both processes).
      // Less inflated by other work on a shared machine than req/s, though not immune to it.
      cpuCeiling: Math.round((cpuCeiling(platformRuns) / cpuCeiling(bareRuns)) * 100) / 100,
    },
    goal: { throughput: '≥ 0.5', p99: '≤ 2', met: platformRps / bareRps >= 0.5 && platformP99 / bareP99 <= 2 },
    ...(budgetWorkUs.length && bareRuns.length && { budget: workBudget(bareRps, platformRps) }),
    evidence,
    evidenceComplete:
      evidence.lost === 0 &&
      evidence.gapless &&
      evidence.uniqueIds &&
      evidence.badDigest === 0 &&
      evidence.badSignature === 0 &&
      evidence.recorderErrors === 0,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);

  /**
   * The budget points' median rates, the line through them (µs per request = intercept + slope × W,
   * least squares, the bare server without work included), and what it says: the work at half the
   * bare server's rate and the work that matches the platform's rate.
   */
  function workBudget(bareRate: number, platformRate: number) {
    const points = [
      { workUs: bareWorkUs, rps: bareRate },
      ...budgetWorkUs.map((w) => ({ workUs: w, rps: median(budgetRuns.get(w)!.map((r) => r.rps)) })),
    ];
    const xs = points.map((p) => p.workUs);
    const ys = points.map((p) => 1e6 / p.rps);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const [mx, my] = [mean(xs), mean(ys)];
    const slope =
      xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i]! - my), 0) / xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
    const intercept = my - slope * mx;
    const workAt = (rate: number) => Math.round((1e6 / rate - intercept) / slope);
    return {
      points,
      usPerRequest: { intercept: Math.round(intercept * 10) / 10, slope: Math.round(slope * 100) / 100 },
      workAtHalfTheBareRateUs: workAt(bareRate / 2),
      platformEquivalentWorkUs: workAt(platformRate),
    };
  }
} finally {
  await new Promise<void>((resolve) => {
    bare.close(() => resolve());
    bare.closeAllConnections();
  });
  await stopHelpers();
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
