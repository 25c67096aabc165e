import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { classifyOutcome } from '../framework/index.ts';
import { freePort } from './free-port.ts';
import { startSystem, SystemNotReadyError } from './system-process.ts';
import { isAlive, standInPids, writeStandInSystem, type StandInBehaviour } from './testing/stand-in-system.ts';

const temp = tempDirs();
const systemProcess = fileURLToPath(new URL('./system-process.ts', import.meta.url));

async function standIn(behaviour: StandInBehaviour) {
  const dir = await temp.make('system-process-');
  await writeStandInSystem(dir, behaviour);
  const port = await freePort();
  return {
    dir,
    options: {
      command: `"${process.execPath}" system.mjs`,
      cwd: dir,
      env: { TRIGGER_PORT: String(port) },
      ready: `http://127.0.0.1:${port}/health`,
      timeoutSeconds: 10,
    },
  };
}

const bothGone = async (pids: { system: number; child: number }) =>
  !(await isAlive(pids.system)) && !(await isAlive(pids.child));

describe('a system the runner starts', () => {
  it('is stopped with everything it started', async () => {
    const { dir, options } = await standIn('silent');
    const system = await startSystem(options);
    const pids = (await standInPids(dir))!;
    expect(await isAlive(pids.child)).toBe(true);
    await system.stop();
    await expect.poll(() => bothGone(pids), { timeout: 5000 }).toBe(true);
  });

  it('is ended, with everything it started, when the runner is killed with SIGKILL (which no handler sees)', async () => {
    const { dir, options } = await standIn('silent');
    const runner = join(dir, 'runner.mts');
    await writeFile(
      runner,
      `import { startSystem } from ${JSON.stringify(systemProcess)};\nawait startSystem(${JSON.stringify(options)});\nconsole.log('ready');\nsetInterval(() => {}, 1000);\n`,
    );
    const child = spawn(process.execPath, [runner], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`the runner script exited with ${code}`)));
    });
    const pids = (await standInPids(dir))!;
    expect(await isAlive(pids.system)).toBe(true);
    child.kill('SIGKILL');
    await expect.poll(() => bothGone(pids), { timeout: 5000 }).toBe(true);
  });

  it('that never answers its ready URL is an environment problem (exit 3), stopped after start.timeout with its children', async () => {
    const { dir, options } = await standIn('health-silent');
    const failed = await startSystem({ ...options, timeoutSeconds: 1 }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(SystemNotReadyError);
    expect(classifyOutcome(failed)).toMatchObject({ result: 'error', blame: 'environment', code: 'system-not-ready' });
    expect((failed as Error).message).toContain(`did not answer ${options.ready} with 2xx within 1 s (start.timeout)`);
    await expect.poll(async () => bothGone((await standInPids(dir))!), { timeout: 5000 }).toBe(true);
  });

  it('reports how it ended when it exits by itself', async () => {
    const { options } = await standIn('dies');
    const system = await startSystem(options);
    expect(system.ended()).toBeUndefined();
    await fetch(options.ready.replace('/health', '/trigger'), { method: 'POST' });
    await expect
      .poll(() => system.ended(), { timeout: 5000 })
      .toMatch(/^The system the runner started has exited \(code 1\)/);
    await system.stop();
  });
});
