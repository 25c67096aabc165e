/**
 * Replays issue 9's forged-run attack against a real platform and the real CLI, and prints what
 * each step answered: the platform's sign route (naming the victim, then the attacker's own
 * system), `klarmeld verify --key`, and `klarmeld sheet record --key` into a sheet that trusts
 * the platform key. Every step must refuse; the script exits 1 if any of them lets the run through.
 *
 *   npx node bench/abuse/forged-run.ts
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { SheetStore } from '../../conformance/onboarding/index.ts';
import { startTestPlatform } from '../../conformance/platform/testing/test-platform.ts';
import { forgeRun } from './forge-run.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/klarmeld.js', import.meta.url).pathname;

async function klarmeld(...args: string[]): Promise<{ exit: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { exit: 0, out: `${stdout}${stderr}` };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { exit: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

const { catalog } = await loadCatalog();
const dir = await mkdtemp(join(tmpdir(), 'forged-run-'));
const firstLine = (text: string) => text.split('\n').find((l) => l.trim()) ?? '';
// The attacker holds a catalogued system's certificate or one registered by hand (a UUID no
// catalogue lists), and names the victim by id or by it-system UUID.
const variants = [
  { attacker: 'reference-system', nameVictimBy: 'id' as const },
  { attacker: 'reference-system', nameVictimBy: 'uuid' as const },
  { nameVictimBy: 'id' as const },
  { nameVictimBy: 'uuid' as const },
];
let held = true;
try {
  for (const [i, variant] of variants.entries()) {
    const platform = await startTestPlatform({ catalog });
    try {
      const forged = await forgeRun({ platform, catalog, victim: 'jobcenter-plus', dir, ...variant });
      const sheet = join(dir, `sheet-${i}.sqlite`);
      await klarmeld('sheet', 'trust-key', forged.keyFile, '--name', 'KOMBIT test platform', '--sheet', sheet);
      const verify = await klarmeld('verify', forged.runFile, '--key', forged.keyFile);
      const record = await klarmeld('sheet', 'record', forged.runFile, '--key', forged.keyFile, '--sheet', sheet);
      const store = SheetStore.open(sheet);
      const recorded = store
        .current()
        .filter((e) => e.system === 'jobcenter-plus' && e.source === 'run')
        .map((e) => `${e.integration} ${e.status}`);
      store.close();
      console.log(
        `forged run for jobcenter-plus (${forged.integrations.join(', ')}), named by ${variant.nameVictimBy}, with ${variant.attacker ?? 'an uncatalogued system'}'s certificate and one genuine SF1520 exchange`,
      );
      console.log(
        `  sign naming the victim:   HTTP ${forged.signForVictim.status} ${JSON.parse(forged.signForVictim.body).code ?? ''}`,
      );
      console.log(`  sign naming the attacker: HTTP ${forged.signForSelf.status}`);
      console.log(`  klarmeld verify --key:    exit ${verify.exit}: ${firstLine(verify.out)}`);
      console.log(`  klarmeld sheet record:    exit ${record.exit}: ${firstLine(record.out)}`);
      console.log(
        `  run statuses recorded for jobcenter-plus: ${recorded.length === 0 ? 'none' : recorded.join(', ')}`,
      );
      held &&= forged.signForVictim.status === 403 && verify.exit === 1 && record.exit === 1 && recorded.length === 0;
    } finally {
      await platform.stop();
    }
  }
  console.log(held ? 'HELD: every step refused every forged run' : 'BROKEN: a forged run got through a step');
  process.exitCode = held ? 0 : 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
