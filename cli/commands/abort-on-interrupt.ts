/**
 * Turns Ctrl-C (SIGINT), SIGTERM and SIGHUP (its terminal closed) into an abort: writes `message`
 * to stderr, so the user knows the command is shutting down what it started, and aborts `signal`;
 * the command then exits 130. `release` removes the handlers once the command no longer needs
 * them. A second signal, or SIGKILL, ends the command at once: a system it started then ends
 * through its watchdog (conformance/runner/system-watchdog.ts).
 */
export function abortOnInterrupt(message: string): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const interrupt = () => {
    process.stderr.write(message);
    controller.abort();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  process.once('SIGHUP', interrupt);
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
      process.off('SIGHUP', interrupt);
    },
  };
}
