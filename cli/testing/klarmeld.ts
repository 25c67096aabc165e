import { vi } from 'vitest';
import { main } from '../main.ts';

/**
 * Runs `klarmeld ...args` in-process, as `bin/klarmeld.js` would, and resolves to the exit code
 * and what it printed. The output is captured, not shown, and the streams are restored after.
 */
export async function klarmeld(...args: string[]): Promise<{ exit: number; stdout: string; stderr: string }> {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const exit = await main(args);
    const text = (spy: typeof out) => spy.mock.calls.map((c) => String(c[0])).join('');
    return { exit, stdout: text(out), stderr: text(err) };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
