import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { EnvironmentError } from '../framework/index.ts';

/** A system the runner started, and how to stop it. */
export interface SystemProcess {
  pid: number | undefined;
  /** What the system wrote to stdout and stderr (the last 8 KB), for the report when it misbehaves. */
  output(): string;
  /** How the system ended when it has exited by itself (with its last words), else undefined. */
  ended(): string | undefined;
  stop(): Promise<void>;
}

/** The system's command exited before it was ready: a problem in the profile's start.command or the system. */
export class SystemStartError extends Error {
  override name = 'SystemStartError';
  readonly code = 'system-not-started';
}

/**
 * The system runs but its ready URL did not answer 2xx in time: nothing can be tested against
 * it, which is an environment problem (exit 3). runConformance still writes a run document.
 */
export class SystemNotReadyError extends EnvironmentError {
  override name = 'SystemNotReadyError';

  constructor(message: string) {
    super('system-not-ready', message);
  }
}

export interface StartOptions {
  command: string;
  cwd: string;
  env: Record<string, string>;
  ready?: string;
  timeoutSeconds: number;
}

const watchdog = fileURLToPath(new URL('./system-watchdog.ts', import.meta.url));

/**
 * Starts the system with `command` and waits until `ready` answers 2xx. The command runs under a
 * watchdog (system-watchdog.ts) that leads its own process group: `stop` ends the whole group,
 * and so does the runner's death, however it dies, because the watchdog's pipe from it closes.
 */
export async function startSystem(options: StartOptions): Promise<SystemProcess> {
  // The watchdog is TypeScript too: it gets the runner's --import hooks (an installed klarmeld
  // strips its types through one, bin/installed-typescript.js), and no other flag of the runner's.
  const hooks = process.execArgv.filter((arg) => arg.startsWith('--import='));
  const child: ChildProcess = spawn(process.execPath, [...hooks, watchdog, options.command], {
    cwd: options.cwd,
    detached: true,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8192);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // The runner never writes to the pipe; it only closes it (stop) or dies with it open.
  child.stdin?.on('error', () => {});
  let exited: number | null | undefined;
  let stopping = false;
  child.on('exit', (code) => (exited = code));
  const lastWords = () => output.trim().slice(-600);

  const system: SystemProcess = {
    pid: child.pid,
    output: () => output,
    ended: () =>
      exited === undefined || stopping
        ? undefined
        : `The system the runner started has exited (code ${exited}); it last wrote: ${lastWords() || 'nothing'}`,
    stop: () => {
      stopping = true;
      return stopGroup(child);
    },
  };
  const deadline = Date.now() + options.timeoutSeconds * 1000;
  while (options.ready) {
    if (exited !== undefined) {
      throw new SystemStartError(
        `The system command "${options.command}" exited with ${exited} before it was ready. It wrote: ${lastWords()}`,
      );
    }
    if (await answers(options.ready)) break;
    if (Date.now() > deadline) {
      await system.stop();
      throw new SystemNotReadyError(
        `The system did not answer ${options.ready} with 2xx within ${options.timeoutSeconds} s (start.timeout), so klarmeld stopped it and ran no test. It wrote: ${lastWords() || 'nothing'}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return system;
}

/** True when the URL answers 2xx within a second; the runner reads at most 64 KB of the body. */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await request(url, { signal: AbortSignal.timeout(1000) });
    await response.body.dump({ limit: 64 * 1024 });
    return response.statusCode >= 200 && response.statusCode < 300;
  } catch {
    return false;
  }
}

/**
 * Stops the whole process group: closing the watchdog's pipe makes it send SIGTERM, then SIGKILL
 * after two seconds. Should the watchdog itself hang, the runner kills the group after five; and
 * whatever of the group outlived its leader is killed at the end.
 */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  if (child.exitCode === null && child.signalCode === null) {
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin?.end();
    const timer = setTimeout(() => killGroup(child.pid!), 5000);
    await gone;
    clearTimeout(timer);
  }
  killGroup(child.pid);
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
