import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const profile = join(root, 'examples/reference-system/klarmeld.yaml');
// util-linux `script` gives the command a pseudo-terminal, as a user's shell does.
const hasScript = spawnSync('script', ['--version']).status === 0;
let dir: string;

/** `klarmeld test …` in a 120 × 40 pseudo-terminal; `whenSeen` types Ctrl-C once the output shows that text. */
function inTerminal(args: string[], ctrlCWhen?: string): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}` };
  delete env.CI; // ink draws only the final frame in CI
  const line = `stty cols 120 rows 40; exec node ${join(root, 'bin/klarmeld.js')} test ${args.map((a) => `'${a}'`).join(' ')}`;
  return new Promise((resolve) => {
    const child = spawn('script', ['-qfec', line, '/dev/null'], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let typed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (ctrlCWhen && !typed && output.includes(ctrlCWhen)) {
        typed = true;
        child.stdin.write('\x03');
      }
    });
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** What stays on the screen: the text after ink's last erase of its live frame (erase-line sequences). */
const afterLastErase = (output: string) => output.slice(output.lastIndexOf('\x1b[2K') + 4);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klarmeld-terminal-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.skipIf(!hasScript)('klarmeld test in a terminal', () => {
  it('shows progress live, then the results once: "Running 1 suite", unselected suites "not selected", the live frame erased before the summary', async () => {
    const { code, output } = await inTerminal(['--profile', profile, '--integration', 'SF1520']);
    expect(code).toBe(0);
    expect(output).toMatch(/Running 1 suite(?!s)/);
    expect(output).not.toContain('Running 1 suites');
    expect(output).toMatch(/SF1514 .*not selected/);
    expect(output).not.toMatch(/10\/10 0 ms/);
    const screen = afterLastErase(output);
    expect(screen).toMatch(/^(\x1b\[[\d;?]*[A-Za-z])*klarmeld test: reference-system against /);
    expect(screen.match(/klarmeld test: reference-system/g)).toHaveLength(1);
    expect(screen).toMatch(/SF1520\s+passed\s+10 passed/);
    // The live view's lines (a running test) are not left on the screen above or below the summary.
    expect(screen).not.toContain('…');
  }, 60_000);

  it('Ctrl-C says the run was interrupted and that nothing was recorded, exit 130', async () => {
    const sheet = join(dir, 'sheet.sqlite');
    const { code, output } = await inTerminal(['--profile', profile, '--record', '--sheet', sheet], 'Running 5 suites');
    expect(code).toBe(130);
    expect(output).toContain(
      'klarmeld test was interrupted before the run finished, so it shows nothing about the system.',
    );
    expect(output).toContain('Nothing was recorded in the sheet.');
    expect(output).not.toMatch(/Every required \(SHALL\) test passed/);
    expect(existsSync(sheet)).toBe(false);
  }, 60_000);
});
