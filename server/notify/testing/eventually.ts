/**
 * Asks again until the answer passes, for tests of a running server whose notifier works on its
 * own timer: it waits for the effect itself, never a guessed time (the test's timeout bounds it).
 */
export async function eventually<T>(ask: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await ask();
    if (ok(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
