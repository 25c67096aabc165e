/**
 * The platform under attack, in a process of its own so that its RSS is its own and a stalled
 * event loop shows as latency at the clients. Started by hostile-bodies.ts; prints one JSON line
 * (url, the systems' certificate files, the SF1520 agreement) and serves until stdin closes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { startPlatform } from '../../conformance/platform/server/start-platform.ts';

const { catalog } = await loadCatalog();
const dataDir = mkdtempSync(join(tmpdir(), 'klarmeld-abuse-'));
const platform = await startPlatform({ dataDir, port: 0, catalog });
const systems: Record<string, unknown> = {};
for (const name of ['Attacker', 'Good']) {
  const system = await platform.admin.addSystem({ name });
  const agreement = platform.admin.addAgreement({ system: name, service: 'SF1520', municipalityCvr: '11111111' });
  systems[name] = { ...system, agreementUuid: agreement.agreementUuid, serviceUuid: agreement.serviceUuid };
}
process.stdout.write(`${JSON.stringify({ url: platform.url, pid: process.pid, systems })}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
