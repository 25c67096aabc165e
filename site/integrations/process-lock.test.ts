import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, lockAddress } from './process-lock.ts';

const lockModule = fileURLToPath(new URL('./process-lock.ts', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Another process that takes the lock and keeps it until it is killed. */
function holderProcess(name: string): Promise<ChildProcess> {
  const code = `import { acquireLock } from ${JSON.stringify(lockModule)};\nawait acquireLock(${JSON.stringify(name)});\nconsole.log('held');\nsetInterval(() => {}, 60_000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((held, fail) => {
    child.stdout!.on('data', (chunk) => String(chunk).includes('held') && held(child));
    child.once('exit', (code) => fail(new Error(`the holder exited with ${code} before it held the lock`)));
  });
}

/** Whether `promise` settles within `ms`. */
const settlesWithin = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise((r) => setTimeout(() => r(false), ms))]);

const uniqueName = () => `klarmeld-test-lock-${randomUUID()}`;

describe('a lock between processes', () => {
  it('keeps a second process waiting, says who holds it, and is free once the holder is killed', async () => {
    const name = uniqueName();
    const holder = await holderProcess(name);
    const seen: (number | undefined)[] = [];
    const waiting = acquireLock(name, { pollMs: 50, onWait: (pid) => seen.push(pid) });
    expect(await settlesWithin(waiting, 1000)).toBe(false);
    expect(seen).toEqual([holder.pid]);
    // SIGKILL: the holder gets no chance to clean up; the operating system frees the lock.
    holder.kill('SIGKILL');
    expect(await settlesWithin(waiting, 5000)).toBe(true);
    await (await waiting).release();
  }, 20_000);

  it('is taken by one caller of a process at a time, and passed on by release()', async () => {
    const name = uniqueName();
    const first = await acquireLock(name);
    const second = acquireLock(name, { pollMs: 20 });
    expect(await settlesWithin(second, 300)).toBe(false);
    await first.release();
    expect(await settlesWithin(second, 2000)).toBe(true);
    await (await second).release();
  });

  it('stops waiting when onWait throws', async () => {
    const name = uniqueName();
    const held = await acquireLock(name);
    await expect(
      acquireLock(name, {
        onWait: () => {
          throw new Error('not waiting');
        },
      }),
    ).rejects.toThrow('not waiting');
    await held.release();
  });

  it('lives in the abstract namespace on Linux, a named pipe on Windows, and a socket file elsewhere', () => {
    expect(lockAddress('x', 'linux')).toBe('\0x');
    expect(lockAddress('x', 'win32')).toBe('\\\\.\\pipe\\x');
    expect(lockAddress('x', 'darwin')).toMatch(/[\\/]x\.sock$/);
  });
});
