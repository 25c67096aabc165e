/**
 * `klarmeld test` against systems that misbehave at the wire (issue 9): goals at most 60 s and
 * exit 3 for a system whose trigger never answers, at most 30 s and under 300 MB peak RSS for one
 * whose trigger replies without end, and exit 3 with a run document for one whose /health never
 * answers. Also checks that the stand-in system and its child are gone once the command ends.
 *
 *   npx node bench/abuse/dead-system.ts [silent|endless|health-silent …]
 *
 * Runs the real command (`node bin/klarmeld.js test --profile … --json`) against stand-in
 * systems built in a temp folder (conformance/runner/testing/stand-in-system.ts) with the
 * profile defaults (trigger timeout 15 s, start timeout 30 s), and reads the command's peak RSS
 * (VmHWM) from /proc while it runs. A guard kills the command past 180 s or 2 GB.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  isAlive,
  standInPids,
  writeStandInSystem,
  type StandInBehaviour,
} from '../../conformance/runner/testing/stand-in-system.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const goals: Record<string, { seconds: number; mb?: number }> = {
  silent: { seconds: 60 },
  endless: { seconds: 30, mb: 300 },
  'health-silent': { seconds: 60 },
};
const cases = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(goals)) as StandInBehaviour[];

async function peakRssMb(pid: number): Promise<number | undefined> {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

for (const behaviour of cases) {
  const dir = await mkdtemp(join(tmpdir(), `klarmeld-abuse-${behaviour}-`));
  const profile = await writeStandInSystem(dir, behaviour);
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'bin/klarmeld.js'), 'test', '--profile', profile, '--json'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c));
  child.stderr.on('data', (c: Buffer) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  let peak = 0;
  let guard = '';
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    peak = Math.max(peak, (await peakRssMb(child.pid!)) ?? 0);
    const seconds = (performance.now() - started) / 1000;
    if (!guard && (seconds > 180 || peak > 2048)) {
      guard = seconds > 180 ? ' (killed by the guard after 180 s)' : ' (killed by the guard past 2 GB)';
      child.kill('SIGKILL');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const code = await exited;
  const wall = (performance.now() - started) / 1000;
  let verdict = 'no run document';
  try {
    const document = JSON.parse(stdout) as {
      summary?: { verdict: string; counts: Record<string, number> };
      tests?: { result: string; code?: string }[];
    };
    if (document.summary) {
      const codes = [...new Set((document.tests ?? []).map((t) => t.code).filter(Boolean))].join(', ');
      verdict = `run document: verdict ${document.summary.verdict}, ${JSON.stringify(document.summary.counts)}${codes ? `, codes ${codes}` : ''}`;
    }
  } catch {
    verdict = `no run document; stderr: ${stderr.trim().slice(0, 200)}`;
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const pids = await standInPids(dir);
  const left = pids ? (await Promise.all([pids.system, pids.child].map(isAlive))).filter(Boolean).length : 0;
  const goal = goals[behaviour];
  const met = goal
    ? wall <= goal.seconds && (!goal.mb || peak <= goal.mb) && (behaviour === 'endless' || code === 3)
    : true;
  console.log(
    `${behaviour}: ${wall.toFixed(1)} s wall, exit ${code}${guard}, peak RSS ${peak.toFixed(0)} MB; ${verdict}; stand-in processes left: ${left}; goal ${goal ? `≤ ${goal.seconds} s${goal.mb ? `, ≤ ${goal.mb} MB` : ''}${behaviour === 'endless' ? '' : ', exit 3'}` : 'none'}: ${met ? 'met' : 'NOT met'}`,
  );
  if (pids) for (const pid of [pids.system, pids.child]) if (await isAlive(pid)) process.kill(pid, 'SIGKILL');
  await rm(dir, { recursive: true, force: true });
}
console.log(
  `machine: ${cpus().length} cores, ${cpus()[0]?.model}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, Node ${process.version}, ${new Date().toISOString()}`,
);
