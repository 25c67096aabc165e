import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { supplierEnv } from './supplier-env.ts';

describe('supplierEnv', () => {
  it('leaves out the compile cache klarmeld set for itself, and its note of it', () => {
    const env = supplierEnv({ PATH: '/bin', NODE_COMPILE_CACHE: '/tmp/c', KLARMELD_COMPILE_CACHE: '/tmp/c' });
    expect(env).toEqual({ PATH: '/bin' });
  });

  it('keeps a compile cache the user set', () => {
    expect(supplierEnv({ NODE_COMPILE_CACHE: '/home/ada/c' })).toEqual({ NODE_COMPILE_CACHE: '/home/ada/c' });
    expect(supplierEnv({ NODE_COMPILE_CACHE: '/home/ada/c', KLARMELD_COMPILE_CACHE: '/tmp/c' })).toEqual({
      NODE_COMPILE_CACHE: '/home/ada/c',
    });
  });
});

describe('a system started under the watchdog', () => {
  it('gets the environment without the compile cache klarmeld set for itself', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'klarmeld-supplier-env-'));
    try {
      const out = join(dir, 'env.txt');
      const watchdog = fileURLToPath(new URL('./system-watchdog.ts', import.meta.url));
      const child = spawn(process.execPath, [watchdog, `env > '${out}'`], {
        env: { ...process.env, NODE_COMPILE_CACHE: dir, KLARMELD_COMPILE_CACHE: dir, KLARMELD_SEEN: 'yes' },
        stdio: ['pipe', 'inherit', 'inherit'],
      });
      const code = await new Promise((resolve) => child.on('exit', resolve));
      expect(code).toBe(0);
      const seen = await readFile(out, 'utf8');
      expect(seen).toContain('KLARMELD_SEEN=yes');
      expect(seen).not.toContain('NODE_COMPILE_CACHE');
      expect(seen).not.toContain('KLARMELD_COMPILE_CACHE');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
