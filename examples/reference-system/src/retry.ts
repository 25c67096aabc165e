/**
 * Runs `call`, and runs it again (up to `attempts` times, short pause between) when the
 * connection failed before an answer came back. Faults and answers are never retried: they
 * are the platform's word. With the `no-retry` fault the system gives up at once.
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  options: { attempts?: number; enabled: boolean; anyError?: boolean },
): Promise<T> {
  const attempts = options.enabled ? (options.attempts ?? 3) : 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      // anyError: only the `retry-on-fault` fault retries what is the platform's answer.
      if (attempt >= attempts || (!options.anyError && !isTransient(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

/** A dropped or refused connection: worth trying again. */
export function isTransient(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (
    let current = error as { code?: string; cause?: unknown } | undefined;
    current && !seen.has(current);
    current = current.cause as typeof current
  ) {
    seen.add(current);
    if (['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'].includes(current.code ?? ''))
      return true;
  }
  return /socket hang up|other side closed/i.test(String((error as Error)?.message));
}
