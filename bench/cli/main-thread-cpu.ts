/**
 * Preloaded into a klarmeld command by bench/cli/compare-trees.ts (`node --import`): when the
 * command's main thread ends, one line on stderr with its CPU time, which the load of a shared
 * machine disturbs far less than wall time. Only the command's own main thread: worker threads
 * and the processes it starts (the platform's worker, the system, the watchdog) inherit the flag
 * and stay silent.
 */
import { isMainThread } from 'node:worker_threads';

if (isMainThread && process.argv[1]?.endsWith('klarmeld.js')) {
  process.on('exit', () => {
    const { user, system } = process.threadCpuUsage();
    process.stderr.write(`\nklarmeld-main-thread-cpu-ms ${((user + system) / 1000).toFixed(1)}\n`);
  });
}
