import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * How a stand-in system misbehaves:
 * - `silent`: starts, answers /health, never answers /trigger (a hung or dead system);
 * - `endless`: answers /trigger with a reply that never ends, as fast as it is read;
 * - `health-silent`: never answers /health, so it never becomes ready;
 * - `dies`: answers the first trigger (person-not-found), then exits with code 1 (a crash mid-run).
 */
export type StandInBehaviour = 'silent' | 'endless' | 'health-silent' | 'dies';

/**
 * A tiny system for the runner's robustness tests and bench/abuse: a Node HTTP server on
 * TRIGGER_PORT that starts one child process of its own (to prove the whole process tree is
 * stopped) and writes both pids to `pids.json` in its folder. `writeStandInSystem` writes it and
 * a profile (`klarmeld.yaml`, the catalogue's reference-system) into `dir`.
 */
export async function writeStandInSystem(
  dir: string,
  behaviour: StandInBehaviour,
  options: { triggerTimeout?: number; startTimeout?: number } = {},
): Promise<string> {
  await writeFile(join(dir, 'system.mjs'), standInSource(behaviour));
  const profile = join(dir, 'klarmeld.yaml');
  await writeFile(
    profile,
    [
      'system: reference-system',
      'start:',
      '  command: ${NODE} system.mjs',
      '  ready: http://127.0.0.1:${TRIGGER_PORT}/health',
      `  timeout: ${options.startTimeout ?? 30}`,
      'trigger:',
      '  url: http://127.0.0.1:${TRIGGER_PORT}/trigger',
      `  timeout: ${options.triggerTimeout ?? 15}`,
      // Nothing listens there: pushes fail (the supplier's), rather than the run lacking a callback.
      'callbacks:',
      '  beskedfordeler: https://127.0.0.1:${CALLBACK_PORT}/beskedfordeler',
      '',
    ].join('\n'),
  );
  return profile;
}

/** The pids the stand-in wrote once it started: its own and its child's. */
export async function standInPids(dir: string): Promise<{ system: number; child: number } | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, 'pids.json'), 'utf8')) as { system: number; child: number };
  } catch {
    return undefined;
  }
}

/** True while a process with this pid exists (and is not a zombie). */
export async function isAlive(pid: number): Promise<boolean> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return !/^State:\s+Z/m.test(status);
  } catch {
    return false;
  }
}

function standInSource(behaviour: StandInBehaviour): string {
  return `import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
writeFileSync(new URL('./pids.json', import.meta.url), JSON.stringify({ system: process.pid, child: child.pid }));
const behaviour = ${JSON.stringify(behaviour)};
let triggers = 0;
createServer((req, res) => {
  req.resume();
  if (req.url === '/health') {
    if (behaviour !== 'health-silent') res.end('ok');
    return;
  }
  triggers += 1;
  if (behaviour === 'silent') return;
  if (behaviour === 'dies') {
    if (triggers === 1) res.end(JSON.stringify({ ok: false, error: { code: 'person-not-found', message: 'no one' } }), () => setTimeout(() => process.exit(1), 50));
    return;
  }
  const chunk = Buffer.alloc(64 * 1024, 'x');
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"ok":true,"result":"');
  const pump = () => { while (!res.destroyed && res.write(chunk)); };
  res.on('drain', pump);
  pump();
}).listen(Number(process.env.TRIGGER_PORT), '127.0.0.1');
`;
}
