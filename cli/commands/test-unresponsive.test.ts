import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { isAlive, standInPids, writeStandInSystem } from '../../conformance/runner/testing/stand-in-system.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const temp = tempDirs();

/** Starts `klarmeld test …` as a user does; `done` resolves to its exit code and output. */
function klarmeld(args: string[], cwd: string) {
  const child = spawn(process.execPath, [join(root, 'bin/klarmeld.js'), 'test', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c));
  child.stderr.on('data', (c: Buffer) => (stderr += c));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

describe('klarmeld test against a system that does not answer', () => {
  it('exits 3 with a run document (--json, --report) when the trigger never answers', async () => {
    const dir = await temp.make('klarmeld-unresponsive-');
    const profile = await writeStandInSystem(dir, 'silent', { triggerTimeout: 2 });
    const report = join(dir, 'report.html');
    const { code, stdout } = await klarmeld(
      ['--profile', profile, '--integration', 'SF1520', '--json', '--report', report],
      dir,
    ).done;
    expect(code).toBe(3);
    const document = JSON.parse(stdout) as { summary: { verdict: string }; tests: { result: string; code?: string }[] };
    expect(document.summary.verdict).toBe('environment');
    expect(document.tests.filter((t) => t.result === 'error').map((t) => t.code)).toEqual(['system-unresponsive']);
    expect(existsSync(report)).toBe(true);
  }, 60_000);

  it('exits 3 with a run document (--json, --report) when /health never answers, after start.timeout', async () => {
    const dir = await temp.make('klarmeld-unresponsive-');
    const profile = await writeStandInSystem(dir, 'health-silent', { startTimeout: 1 });
    const report = join(dir, 'report.html');
    const { code, stdout } = await klarmeld(['--profile', profile, '--json', '--report', report], dir).done;
    expect(code).toBe(3);
    const document = JSON.parse(stdout) as { summary: { verdict: string }; tests: { result: string; code?: string }[] };
    expect(document.summary.verdict).toBe('environment');
    expect(document.tests.some((t) => t.code === 'system-not-ready')).toBe(true);
    expect(existsSync(report)).toBe(true);
  }, 60_000);
});

describe('klarmeld test killed while the system runs', () => {
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGKILL'] as const) {
    it(`ends the system and what it started on ${signal}${signal === 'SIGKILL' ? ' (through the watchdog: no handler sees it)' : ', and exits 130'}`, async () => {
      const dir = await temp.make('klarmeld-killed-');
      const profile = await writeStandInSystem(dir, 'silent', { triggerTimeout: 60 });
      const run = klarmeld(['--profile', profile], dir);
      await expect.poll(() => standInPids(dir), { timeout: 30_000, interval: 100 }).toBeDefined();
      const pids = (await standInPids(dir))!;
      expect(await isAlive(pids.child)).toBe(true);
      run.child.kill(signal);
      const { code } = await run.done;
      if (signal !== 'SIGKILL') expect(code).toBe(130);
      await expect
        .poll(async () => (await isAlive(pids.system)) || (await isAlive(pids.child)), { timeout: 5000 })
        .toBe(false);
    }, 60_000);
  }
});
