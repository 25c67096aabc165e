/**
 * `bin/klarmeld.js server` as a child process, for tests and benches that need a real instance
 * they can kill (SIGKILL: no clean-up runs, as when a machine dies). Resolves once the server
 * printed where it listens (--json).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../../bin/klarmeld.js', import.meta.url));

export interface ServerProcess {
  url: string;
  platformUrl: string;
  adminTokenFile: string;
  child: ChildProcess;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** SIGKILL, and waits until it is gone. */
  kill(): Promise<void>;
  /** SIGTERM (a clean stop), and waits until it is gone. */
  stop(): Promise<void>;
}

export async function startServerProcess(options: {
  dataDir: string;
  database: string;
  runLeaseSeconds?: number;
}): Promise<ServerProcess> {
  const args = [
    bin,
    'server',
    '--json',
    '--port',
    '0',
    '--platform-port',
    '0',
    '--data',
    options.dataDir,
    '--database',
    options.database,
    ...(options.runLeaseSeconds ? ['--run-lease', String(options.runLeaseSeconds)] : []),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = once(child, 'exit');
  const facts = await new Promise<{ url: string; platformUrl: string; adminTokenFile: string }>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n')) resolve(JSON.parse(line));
    });
    void exited.then(([code]) =>
      reject(new Error(`klarmeld server exited (${String(code)}) before it listened: ${err.slice(-2000)}`)),
    );
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { ...facts, child, stderr: () => err, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}

/** `bin/klarmeld.js …args` as a child process; resolves to its exit code and output once it ends. */
export function klarmeldProcess(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; done: Promise<{ exit: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [bin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // 'close', not 'exit': only then has all its output been read.
  const done = once(child, 'close').then(([code]) => ({ exit: code as number | null, stdout, stderr }));
  return { child, done };
}
