/**
 * Runs the system's start command and ends it, with everything it started, when the runner goes
 * away: even when the runner is killed with SIGKILL, which no handler of its own sees. startSystem
 * runs this file (`node system-watchdog.ts '<command>'`) as the leader of a new process group,
 * with a pipe from the runner on stdin. When that pipe closes (the runner stopped the system, or
 * died), the watchdog sends SIGTERM to the whole group and SIGKILL once the system has exited or
 * two seconds have passed. When the system exits by itself, the watchdog exits with its code and
 * sends SIGTERM to what the system left behind.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { supplierEnv } from './supplier-env.ts';

/** Seconds the system has to shut down after SIGTERM before the group is killed. */
const graceMs = 2000;

export function watchOver(command: string): void {
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-process.pid, signal);
    } catch {
      // the group is already gone
    }
  };
  // Signals to the group reach the watchdog too: it stays until the system is gone.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => {});
  const system = spawn(command, {
    shell: true,
    env: supplierEnv(process.env),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let ending = false;
  const end = () => {
    if (ending) return;
    ending = true;
    signalGroup('SIGTERM');
    setTimeout(() => signalGroup('SIGKILL'), graceMs);
  };
  system.on('error', (error) => {
    process.stderr.write(`The system command could not start: ${error.message}\n`);
    process.exit(127);
  });
  system.on('exit', (code, signal) => {
    // Stopping: kill whatever of the group ignored SIGTERM (the watchdog goes with it).
    if (ending) return signalGroup('SIGKILL');
    signalGroup('SIGTERM');
    process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0));
  });
  process.stdin.on('end', end).on('close', end).on('error', end).resume();
}

if (import.meta.main) watchOver(process.argv[2] ?? 'false');
