import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/klarmeld.js', import.meta.url));

describe('klarmeld writing to a reader that stopped reading (klarmeld … | head)', () => {
  it('ends quietly with its own exit code instead of "an unexpected error: write EPIPE" (exit 70)', async () => {
    const child = spawn(process.execPath, [bin, 'catalog', 'list', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader is gone before klarmeld writes a byte, so its first write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/unexpected error/);
    expect(code).toBe(0);
  });
});
