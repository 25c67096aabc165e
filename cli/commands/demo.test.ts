import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
let dir: string | undefined;
afterAll(() => dir && rm(dir, { recursive: true, force: true }));

describe('klarmeld demo (npm start) without a terminal', () => {
  it('runs the reference system through its suites, records the statuses in the demo sheet, shows them and exits by itself', async () => {
    dir = await mkdtemp(join(tmpdir(), 'klarmeld-demo-'));
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [join(root, 'bin/klarmeld.js'), 'demo'], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c));
      child.on('close', (exit) => resolve({ code: exit, stdout: out }));
    });
    expect(code).toBe(0);
    expect(stdout).toContain('Every required (SHALL) test passed');
    expect(stdout).toContain('reference-system');
    expect(stdout).toContain('.klarmeld/demo/sheet.sqlite');
    expect(stdout).toContain('.klarmeld/demo/report.html');
    for (const file of ['sheet.sqlite', 'run.json', 'junit.xml', 'report.html'])
      expect(existsSync(join(dir, '.klarmeld/demo', file)), file).toBe(true);
    const run = JSON.parse(await readFile(join(dir, '.klarmeld/demo/run.json'), 'utf8')) as { attestation?: unknown };
    expect(run.attestation).toBeDefined();
  }, 90_000);

  it('stops cleanly on Ctrl-C while the system starts: exit 130, nothing left running', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'klarmeld-demo-int-'));
    const started = performance.now();
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [join(root, 'bin/klarmeld.js'), 'demo'], {
        cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stdout.on('data', (c: Buffer) => String(c).includes('Starting the system') && child.kill('SIGINT'));
      child.stderr.on('data', (c: Buffer) => (err += c));
      child.on('close', (exit) => resolve({ code: exit, stderr: err }));
    });
    await rm(cwd, { recursive: true, force: true });
    expect(code).toBe(130);
    expect(stderr).toContain('Stopping the demo');
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
