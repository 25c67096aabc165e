import { createConnection, createServer, type Server } from 'node:net';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A lock between processes on one machine that the operating system frees when its holder ends,
 * however it ends: the holder listens on a local socket named after the lock, and a second
 * listener on that name is refused. On Linux the socket lives in the abstract namespace and on
 * Windows it is a named pipe, so nothing is left behind by a process that crashes or is killed.
 * Elsewhere (macOS) it is a socket file in the temp folder; a file whose holder is gone refuses
 * connections, and the next process removes it and takes the lock.
 */

/** The socket address of the lock `name` on `platform`. */
export function lockAddress(name: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'linux') return `\0${name}`;
  if (platform === 'win32') return `\\\\.\\pipe\\${name}`;
  return join(tmpdir(), `${name}.sock`);
}

export interface HeldLock {
  /** Frees the lock now rather than when the process ends. */
  release(): Promise<void>;
}

export interface AcquireOptions {
  /**
   * Called when the lock is taken, with the holder's process id (undefined when it could not be
   * asked), once at first and then every `reportEveryMs`; throw from it to stop waiting.
   */
  onWait?: (holder: number | undefined) => void;
  reportEveryMs?: number;
  /** How often to try again while the lock is taken. */
  pollMs?: number;
}

type Attempt = { server: Server } | { busy: true } | { stale: true };

/** Only a socket file can outlive its holder (the abstract namespace and named pipes cannot). */
const isFile = (address: string) => !address.startsWith('\0') && !address.startsWith('\\\\.\\pipe\\');

function listen(address: string): Promise<Attempt> {
  return new Promise((done, fail) => {
    // Answers whoever asks with this process's id; a caller that hangs up early is no error of the holder's.
    const server = createServer((socket) => socket.on('error', () => undefined).end(`${process.pid}\n`));
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') return fail(error);
      if (!isFile(address)) return done({ busy: true });
      // A socket file nobody answers on was left by a holder that is gone.
      const probe = createConnection(address);
      probe.on('error', (e: NodeJS.ErrnoException) =>
        done(e.code === 'ECONNREFUSED' ? { stale: true } : { busy: true }),
      );
      probe.once('connect', () => (probe.destroy(), done({ busy: true })));
    });
    server.listen(address, () => done({ server }));
  });
}

/** The process id the holder answers with, or undefined when it does not answer in time. */
function askHolder(address: string): Promise<number | undefined> {
  return new Promise((done) => {
    let text = '';
    const socket = createConnection(address);
    const timer = setTimeout(() => (socket.destroy(), done(undefined)), 3000);
    socket.on('data', (chunk) => (text += chunk));
    socket.once('close', () => (clearTimeout(timer), done(Number.parseInt(text, 10) || undefined)));
    socket.on('error', () => undefined);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the lock `name`, waiting while another holder (another process, or another caller in
 * this one) has it. The lock is held until `release()` or the end of the process; it does not
 * keep the process alive.
 */
export async function acquireLock(name: string, options: AcquireOptions = {}): Promise<HeldLock> {
  const address = lockAddress(name);
  const { pollMs = 250, reportEveryMs = 30_000 } = options;
  let reportedAt = -Infinity;
  for (;;) {
    const attempt = await listen(address);
    if ('server' in attempt) {
      const { server } = attempt;
      server.unref();
      return { release: () => new Promise((done) => server.close(() => done())) };
    }
    if ('stale' in attempt) {
      await unlink(address).catch(() => undefined);
      continue;
    }
    if (options.onWait && Date.now() - reportedAt >= reportEveryMs) {
      reportedAt = Date.now();
      options.onWait(await askHolder(address));
    }
    await sleep(pollMs);
  }
}
