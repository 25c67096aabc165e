/**
 * A contract-driven operation beside a hand-written one (issue 12): SF1520 PersonBaseDataExtended
 * v5 PersonLookup, served by the contract module from catalogue data (request checked against the
 * derived tree, answer built from the response tree and the Korsbæk samples), and the hand-written
 * v4 PersonLookup, on one platform with validation and recording on, measured by the same load
 * process (load.ts) with the same connection count, interleaved (v4, v5, v4, v5 …). Reports each
 * round, the medians and the ratio v5/v4 in req/s (goal ≥ 0.8), and that every v5 answer was a
 * PersonLookupResponse with no findings.
 *
 *   npx node bench/platform/contract-driven.ts [--rounds 3] [--duration 8] [--connections 32]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { personLookupAction } from '../../conformance/clients/cpr/person-lookup-envelope.ts';
import { benchPnrs, personLookupBodies } from './lookup-bodies.ts';
import { startPlatform } from '../../conformance/platform/server/start-platform.ts';
import { buildMessage } from '../../conformance/platform/services/contract/build-message.ts';
import { contractServices } from '../../conformance/platform/services/contract/contract-services.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '32' },
  },
});
const { catalog } = await loadCatalog();
const dataDir = mkdtempSync(join(tmpdir(), 'klarmeld-contract-bench-'));
const platform = await startPlatform({ dataDir, port: 0, catalog, validation: true, recording: true });
interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  served: number;
  errors: number;
  non200: number;
  serverCpuUs: number;
}

try {
  const system = await platform.admin.addSystem({ name: 'Bench' });
  const user = '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d';
  const v4 = platform.admin.addAgreement({ system: 'Bench', service: 'SF1520', municipalityCvr: '11111111' });
  const v4Bodies = personLookupBodies(system.systemUuid, v4);
  // v5's request as a client built from the contract would send it: the catalogue's request tree, filled in.
  const v5Service = contractServices(catalog).served.find((s) => s.path === '/service/CPR/PersonBaseDataExtended/5')!;
  const v5 = platform.admin.addAgreement({
    system: 'Bench',
    service: (v5Service.security as { serviceUuid: string }).serviceUuid,
    municipalityCvr: '11111111',
  });
  const lookup = v5Service.operations[0]!;
  const invocation = {
    ServiceAgreementUUID: v5.agreementUuid,
    UserSystemUUID: system.systemUuid,
    UserUUID: user,
    ServiceUUID: v5.serviceUuid!,
  };
  const v5Bodies = benchPnrs.map(
    (pnr) =>
      `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${buildMessage(
        lookup.input,
        {
          samples: [
            ...Object.entries(invocation).map(([f, v]) => ({ field: `InvocationContext/${f}`, values: [v] })),
            { field: 'PNR', values: [pnr] },
          ],
          echo: new Map(),
        },
      ).replace(
        /<CallContext[\s\S]*?<\/CallContext>|<AuthorityContext[\s\S]*?<\/AuthorityContext>/g,
        '',
      )}</soap:Body></soap:Envelope>`,
  );
  const files = { v4: join(dataDir, 'v4.json'), v5: join(dataDir, 'v5.json') };
  writeFileSync(files.v4, JSON.stringify(v4Bodies));
  writeFileSync(files.v5, JSON.stringify(v5Bodies));

  async function load(version: 'v4' | 'v5'): Promise<LoadResult> {
    const path = version === 'v4' ? '/service/CPR/PersonBaseDataExtended/4' : v5Service.path;
    const child = spawn(
      process.execPath,
      [
        fileURLToPath(new URL('./load.ts', import.meta.url)),
        '--url',
        `${platform.url}${path}`,
        '--cert',
        system.cert,
        '--key',
        system.key,
        '--ca',
        system.ca,
        '--bodies',
        files[version],
        '--action',
        version === 'v4' ? personLookupAction : lookup.soapAction!,
        '--connections',
        values.connections!,
        '--duration',
        values.duration!,
        '--warmup',
        values.warmup!,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const cpuBefore = process.cpuUsage();
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await new Promise((resolve) => child.once('exit', resolve));
    const cpu = process.cpuUsage(cpuBefore);
    const result = JSON.parse(out.trim().split('\n').at(-1)!) as LoadResult;
    // The platform's CPU per request answered (this process, recorder thread included): what a shared machine inflates far less than wall time.
    return { ...result, serverCpuUs: Math.round((cpu.user + cpu.system) / Math.max(result.served, 1)) };
  }

  const runs = { v4: [] as LoadResult[], v5: [] as LoadResult[] };
  for (let round = 1; round <= Number(values.rounds); round++) {
    const a = await load('v4');
    const b = await load('v5');
    runs.v4.push(a);
    runs.v5.push(b);
    console.log(
      `round ${round} (load ${(await import('node:os'))
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(
          ' ',
        )}): hand-written v4 ${a.rps} req/s p99 ${a.p99} ms ${a.serverCpuUs} µs CPU/request | contract-driven v5 ${b.rps} req/s p99 ${b.p99} ms ${b.serverCpuUs} µs CPU/request | ratio ${(b.rps / a.rps).toFixed(2)}${a.errors + b.errors + a.non200 + b.non200 ? ` | errors ${a.errors}/${b.errors}, non-200 ${a.non200}/${b.non200}` : ''}`,
    );
  }
  platform.recorder.flush();
  // Every v5 exchange answered PersonLookup with no findings: the speed is of correct answers.
  const v5Exchanges = platform.services.database
    .prepare(
      "SELECT count(*) AS n, sum(json_array_length(json_extract(record, '$.findings')) > 0) AS withFindings, sum(json_extract(record, '$.operation') = 'PersonLookup') AS personLookup FROM exchanges WHERE json_extract(record, '$.path') = ?",
    )
    .get(v5Service.path) as { n: number; withFindings: number; personLookup: number } | undefined;
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const v4Rps = median(runs.v4.map((r) => r.rps));
  const v5Rps = median(runs.v5.map((r) => r.rps));
  process.stdout.write(
    `${JSON.stringify(
      {
        connections: Number(values.connections),
        duration: Number(values.duration),
        rounds: Number(values.rounds),
        handWrittenV4Rps: v4Rps,
        contractDrivenV5Rps: v5Rps,
        ratio: Math.round((v5Rps / v4Rps) * 100) / 100,
        goal: 0.8,
        cpuPerRequestUs: {
          v4: median(runs.v4.map((r) => r.serverCpuUs)),
          v5: median(runs.v5.map((r) => r.serverCpuUs)),
        },
        // Throughput as the platform's CPU allows it: CPU per v4 request / CPU per v5 request.
        cpuRatio:
          Math.round((median(runs.v4.map((r) => r.serverCpuUs)) / median(runs.v5.map((r) => r.serverCpuUs))) * 100) /
          100,
        v5Exchanges,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
