/**
 * Bench of the embedded platform: SF1520 PersonLookup over keep-alive mutual TLS from a separate
 * load process (load.ts), 32 connections for 20 s, with recording on and validation on, then off.
 *
 *   npx node bench/platform/run.ts [--duration 20] [--connections 32] [--only on|off] [--baseline]
 *
 * Prints the figures and the machine; append them to bench/RESULTS.md by hand.
 */
import { execFile, spawn } from 'node:child_process';
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { startPlatform } from '../../conformance/platform/server/start-platform.ts';
import { personLookupAction } from '../../conformance/clients/cpr/person-lookup-envelope.ts';
import { personLookupBodies } from './lookup-bodies.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '32' },
    only: { type: 'string' },
    baseline: { type: 'boolean', default: false },
  },
});
const { catalog } = await loadCatalog();

async function once(validation: boolean, baseline = false) {
  const dataDir = mkdtempSync(join(tmpdir(), 'klarmeld-bench-'));
  const platform = await startPlatform({ dataDir, port: 0, catalog, validation });
  try {
    const system = await platform.admin.addSystem({ name: 'Bench' });
    const agreement = platform.admin.addAgreement({ system: 'Bench', service: 'SF1520', municipalityCvr: '11111111' });
    const bodies = personLookupBodies(system.systemUuid, agreement);
    const bodiesFile = join(dataDir, 'bodies.json');
    writeFileSync(bodiesFile, JSON.stringify(bodies));
    const load = spawn(
      process.execPath,
      [
        fileURLToPath(new URL('./load.ts', import.meta.url)),
        '--url',
        `${platform.url}/service/CPR/PersonBaseDataExtended/4`,
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
        ...(baseline ? ['--method', 'GET', '--path', '/.well-known/klarmeld/signing-key'] : []),
        '--connections',
        values.connections!,
        '--duration',
        values.duration!,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const cpuBefore = process.cpuUsage();
    const mainBefore = process.threadCpuUsage();
    const writerBefore = platform.recorder.writerCpuMs();
    let out = '';
    load.stdout.on('data', (d) => (out += d));
    await new Promise((resolve) => load.once('exit', resolve));
    const cpu = process.cpuUsage(cpuBefore);
    const main = process.threadCpuUsage(mainBefore);
    const result = JSON.parse(out.trim().split('\n').at(-1)!);
    platform.recorder.flush();
    const recorded = (platform.services.database.prepare('SELECT count(*) AS n FROM exchanges').get() as { n: number })
      .n;
    // CPU time is what a shared machine cannot inflate: server CPU (main + writer thread) per request served.
    const served = baseline ? result.served : recorded;
    const serverCpuUsPerRequest = Math.round((cpu.user + cpu.system) / Math.max(served, 1));
    const mainThreadCpuUsPerRequest = Math.round((main.user + main.system) / Math.max(served, 1));
    const writerThreadCpuUsPerRequest = Math.round(
      ((platform.recorder.writerCpuMs() - writerBefore) * 1000) / Math.max(served, 1),
    );
    return {
      serverCpuUsPerRequest,
      mainThreadCpuUsPerRequest,
      writerThreadCpuUsPerRequest,
      loadCpuUsPerRequest: Math.round(result.cpuUs / Math.max(result.served, 1)),
      what: baseline
        ? 'GET /.well-known/klarmeld/signing-key (TLS + HTTP ceiling, nothing parsed or recorded)'
        : 'PersonLookup',
      validation,
      recording: true,
      ...result,
      recorded,
    };
  } finally {
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const machine = {
  nproc: cpus().length,
  cpu: cpus()[0]?.model,
  memTotalGiB: Math.round(totalmem() / 2 ** 30),
  memFreeGiB: Math.round(freemem() / 2 ** 30),
  node: process.version,
  load: (await promisify(execFile)('cat', ['/proc/loadavg'])).stdout.trim(),
};
const runs = [];
if (values.baseline) runs.push(await once(false, true));
if (values.only !== 'off') runs.push(await once(true));
if (values.only !== 'on') runs.push(await once(false));
process.stdout.write(
  `${JSON.stringify({ machine, connections: Number(values.connections), duration: Number(values.duration), runs }, null, 2)}\n`,
);
