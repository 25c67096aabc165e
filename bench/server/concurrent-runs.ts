/**
 * klarmeld server under many suppliers at once (issue 13 item 5): `runs` supplier runs at the
 * same moment, each `klarmeld test --service` (bin/klarmeld.js, a process per supplier) starting a
 * real reference system (examples/reference-system, a Node process per run) that calls the
 * server's platform, while a load process sends SF1520 PersonLookup through the same platform.
 *   npx node bench/server/concurrent-runs.ts [--runs 50] [--integrations SF1520] [--lookup-connections 8] [--lookup-seconds 30] [--only postgres,sqlite] [--deadline 900]
 * postgres: a throwaway PostgreSQL and 2 instances (in this process) on one database, runs
 * alternating between them (PersonLookup load on the first, for the first `lookup-seconds` of the
 * runs, after a 2 s warm-up); sqlite: one instance on the
 * embedded default (one SQLite file cannot be shared by instances). The catalogue gets `runs`
 * copies of reference-system (one run per system at a time, as the server enforces). Prints
 * runs/min, p50/p99 run time (the server's open → judged), PersonLookup req/s and the machine.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Catalog } from '../../catalog/catalog.ts';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { personLookupAction, personLookupEnvelope } from '../../conformance/clients/cpr/person-lookup-envelope.ts';
import { klarmeldProcess } from '../../server/cluster/testing/server-process.ts';
import { startServer, type RunningServer } from '../../server/index.ts';
import { api } from '../../server/testing/api-client.ts';
import { startTestPostgres } from '../../server/testing/postgres.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '50' },
    integrations: { type: 'string', default: 'SF1520' },
    'lookup-connections': { type: 'string', default: '8' },
    only: { type: 'string', default: 'postgres,sqlite' },
    deadline: { type: 'string', default: '900' },
    'lookup-seconds': { type: 'string', default: '30' },
  },
});
const runs = Number(values.runs);
const integrations = values.integrations!.split(',').filter(Boolean);
const reference = fileURLToPath(new URL('../../examples/reference-system/', import.meta.url));
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** The catalogue with `n` copies of reference-system (bench-system-NN), each with its own it-system UUID. */
function withCopies(catalog: Catalog, n: number): Catalog {
  const original = catalog.systems.find((s) => s.id === 'reference-system')!;
  const copies = Array.from({ length: n }, (_, i) => ({
    ...original,
    id: `bench-system-${String(i + 1).padStart(2, '0')}`,
    name: `Bench system ${i + 1}`,
    userSystemUuid: randomUUID(),
  }));
  return { ...catalog, systems: [...catalog.systems, ...copies] };
}

async function profileFor(dir: string, system: string): Promise<string> {
  const file = join(dir, `${system}.yaml`);
  await writeFile(
    file,
    [
      `system: ${system}`,
      'target: embedded',
      'start:',
      `  command: \${NODE} src/main.ts`,
      `  cwd: ${reference}`,
      '  ready: http://127.0.0.1:${TRIGGER_PORT}/health',
      '  timeout: 120',
      'trigger:',
      '  url: http://127.0.0.1:${TRIGGER_PORT}/trigger',
      '  timeout: 60',
      'callbacks:',
      '  beskedfordeler: https://127.0.0.1:${CALLBACK_PORT}/beskedfordeler',
      '',
    ].join('\n'),
  );
  return file;
}

/** PersonLookup from a separate process (bench/platform/load.ts) through the server's platform, with a registered system's certificate. */
async function personLookupLoad(server: RunningServer, token: string, dir: string, seconds: number) {
  const registration = (await api(server.url, token, 'POST', '/api/systems', { system: 'reference-system' })).json;
  const service = Object.values(
    registration.connection.services as Record<
      string,
      { integration: string; serviceUuid?: string; agreementUuid?: string }
    >,
  ).find((s) => s.integration === 'SF1520')!;
  const files = {
    cert: join(dir, 'lookup.crt'),
    key: join(dir, 'lookup.key'),
    ca: join(dir, 'lookup-ca.crt'),
    bodies: join(dir, 'bodies.json'),
  };
  await Promise.all([
    writeFile(files.cert, registration.tls.certPem),
    writeFile(files.key, registration.tls.keyPem),
    writeFile(files.ca, registration.tls.caPem),
  ]);
  const bodies = ['0103701111', '1204681113', '2408124117'].map((pnr) =>
    personLookupEnvelope({
      pnr,
      invocation: {
        serviceAgreementUuid: service.agreementUuid!,
        userSystemUuid: registration.connection.userSystemUuid,
        userUuid: '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d',
        serviceUuid: service.serviceUuid!,
      },
    }),
  );
  await writeFile(files.bodies, JSON.stringify(bodies));
  const load = spawn(
    process.execPath,
    [
      fileURLToPath(new URL('../platform/load.ts', import.meta.url)),
      '--url',
      `${server.platformUrl}/service/CPR/PersonBaseDataExtended/4`,
      '--cert',
      files.cert,
      '--key',
      files.key,
      '--ca',
      files.ca,
      '--bodies',
      files.bodies,
      '--action',
      personLookupAction,
      '--connections',
      values['lookup-connections']!,
      '--duration',
      String(seconds),
      '--warmup',
      '2',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  load.stdout.on('data', (d) => (out += d));
  return {
    result: new Promise<Record<string, number> | undefined>((resolve) =>
      load.once('exit', () => {
        try {
          resolve(JSON.parse(out.trim().split('\n').at(-1)!));
        } catch {
          resolve(undefined);
        }
      }),
    ),
  };
}

async function once(kind: 'postgres' | 'sqlite') {
  const dir = await mkdtemp(join(tmpdir(), `klarmeld-bench-runs-${kind}-`));
  const postgres = kind === 'postgres' ? await startTestPostgres() : undefined;
  const servers: RunningServer[] = [];
  try {
    const catalog = withCopies((await loadCatalog()).catalog, runs);
    const database = postgres ? await postgres.createDatabase() : undefined;
    for (const name of postgres ? ['a', 'b'] : ['a']) {
      await mkdir(join(dir, name));
      servers.push(await startServer({ dataDir: join(dir, name), catalog, ...(database ? { database } : {}) }));
    }
    const admin = (await readFile(servers[0]!.adminToken.file, 'utf8')).trim();
    const supplier = (
      await api(servers[0]!.url, admin, 'POST', '/api/identities', {
        role: 'supplier',
        cvr: '99990006',
        name: 'Bench supplier',
      })
    ).json.token as string;
    const profiles = await Promise.all(
      Array.from({ length: runs }, (_, i) => profileFor(dir, `bench-system-${String(i + 1).padStart(2, '0')}`)),
    );
    // PersonLookup while the runs start and go on (a fixed time, so the load process reports its own figures).
    const lookups = await personLookupLoad(servers[0]!, supplier, dir, Number(values['lookup-seconds']));
    const started = performance.now();
    const outcomes = await Promise.all(
      profiles.map(async (profileFile, i) => {
        const cli = klarmeldProcess([
          'test',
          '--service',
          servers[i % servers.length]!.url,
          '--token',
          supplier,
          '--profile',
          profileFile,
          '--record',
          '--json',
          ...integrations.flatMap((id) => ['--integration', id]),
        ]);
        const timer = setTimeout(() => cli.child.kill('SIGTERM'), Number(values.deadline) * 1000);
        const { exit, stdout } = await cli.done;
        clearTimeout(timer);
        try {
          const answer = JSON.parse(stdout) as {
            summary?: { verdict: string };
            error?: { code: string; message: string };
          };
          return {
            exitCode: exit,
            verdict: answer.summary?.verdict ?? `error ${answer.error?.code}: ${answer.error?.message.slice(0, 160)}`,
          };
        } catch {
          return { exitCode: exit, verdict: `exit ${String(exit)} without JSON: ${stdout.slice(0, 160)}` };
        }
      }),
    );
    const wallMin = (performance.now() - started) / 60_000;
    const lookup = await lookups.result;
    const judged = (await api(servers[0]!.url, admin, 'GET', '/api/runs')).json.runs.filter(
      (r: { systemId: string; finishedAt?: string }) => r.systemId.startsWith('bench-system-') && r.finishedAt,
    );
    const times = judged
      .map((r: { openedAt: string; finishedAt: string }) => (Date.parse(r.finishedAt) - Date.parse(r.openedAt)) / 1000)
      .sort((x: number, y: number) => x - y);
    const verdicts: Record<string, number> = {};
    for (const o of outcomes) verdicts[o.verdict] = (verdicts[o.verdict] ?? 0) + 1;
    return {
      kind,
      instances: servers.length,
      runs,
      integrations,
      wallMinutes: Number(wallMin.toFixed(2)),
      runsPerMinute: Number((judged.length / wallMin).toFixed(1)),
      runSecondsP50: pct(times, 50),
      runSecondsP99: pct(times, 99),
      verdicts,
      personLookup: lookup ?? 'the load process gave no figures',
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await postgres?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

console.log(
  `${new Date().toISOString()} ${cpus().length} × ${cpus()[0]?.model}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}`,
);
for (const kind of values.only!.split(',') as ('postgres' | 'sqlite')[])
  console.log(JSON.stringify(await once(kind), null, 2));
