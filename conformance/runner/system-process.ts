import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'undici';

/** A system the runner started, and how to stop it. */
export interface SystemProcess {
  pid: number | undefined;
  /** What the system wrote to stdout and stderr (the last 8 KB), for the report when it misbehaves. */
  output(): string;
  stop(): Promise<void>;
}

/** The system did not start or did not become ready: a problem in the profile or the system, not the platform. */
export class SystemStartError extends Error {
  override name = 'SystemStartError';
  readonly code = 'system-not-started';
}

export interface StartOptions {
  command: string;
  cwd: string;
  env: Record<string, string>;
  ready?: string;
  timeoutSeconds: number;
}

/** Starts the system with `command` in its own process group and waits until `ready` answers 2xx. */
export async function startSystem(options: StartOptions): Promise<SystemProcess> {
  const child: ChildProcess = spawn(options.command, {
    cwd: options.cwd,
    shell: true,
    detached: true,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8192);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));

  const system: SystemProcess = {
    pid: child.pid,
    output: () => output,
    stop: () => stopGroup(child),
  };
  const deadline = Date.now() + options.timeoutSeconds * 1000;
  while (options.ready) {
    if (exited !== undefined) {
      throw new SystemStartError(`The system command "${options.command}" exited with ${exited} before it was ready. It wrote: ${output.trim().slice(-600)}`);
    }
    if (await answers(options.ready)) break;
    if (Date.now() > deadline) {
      await system.stop();
      throw new SystemStartError(
        `The system did not answer ${options.ready} within ${options.timeoutSeconds} s. It wrote: ${output.trim().slice(-600)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return system;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await request(url, { headersTimeout: 1000, bodyTimeout: 1000 });
    await response.body.dump();
    return response.statusCode >= 200 && response.statusCode < 300;
  } catch {
    return false;
  }
}

/** Stops the whole process group we started (the shell and the system under it), gently then firmly. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 2000);
  await gone;
  clearTimeout(timer);
}
