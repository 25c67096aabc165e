import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SheetStore } from '../../conformance/onboarding/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const profile = join(root, 'examples/reference-system/klarmeld.yaml');
let dir: string;

/** Runs `klarmeld test …` as a user does and resolves to its exit code and output. */
function klarmeld(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/klarmeld.js'), 'test', ...args], {
      cwd: dir,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klarmeld-test-command-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('klarmeld test', () => {
  it('exits 0 for the reference system, prints the run document, writes JUnit with every test and records it (own-platform evidence: nothing trusts the throwaway platform)', async () => {
    const junit = join(dir, 'j.xml');
    const sheet = join(dir, 'sheet.sqlite');
    const report = join(dir, 'report.html');
    const { code, stdout } = await klarmeld([
      '--profile',
      profile,
      '--json',
      '--junit',
      junit,
      '--report',
      report,
      '--record',
      '--sheet',
      sheet,
    ]);
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as { tests: { id: string }[]; summary: { verdict: string } };
    expect(document.summary.verdict).toBe('passed');
    expect(document.tests.length).toBeGreaterThanOrEqual(40);
    const xml = await readFile(junit, 'utf8');
    for (const test of document.tests) expect(xml).toContain(test.id);
    expect(xml.match(/<testcase /g)?.length).toBe(document.tests.length);
    expect(await readFile(report, 'utf8')).toContain('sf1520.lookup.lower-case-uuids');
    const store = SheetStore.open(sheet);
    const statuses = store
      .current()
      .map((e) => `${e.integration} ${e.status}`)
      .sort();
    const evidence = store.current().map((e) => e.evidence?.keyTrusted);
    store.close();
    // The embedded platform lived for this run only; no sheet trusts its key: the declarations are
    // recorded as the run shows them, with "own platform, key X" as their evidence (issue 11).
    expect(statuses).toEqual([
      'SF1461 klarmeldt',
      'SF1470 klarmeldt',
      'SF1500 klarmeldt',
      'SF1514 klarmeldt',
      'SF1520 klarmeldt',
    ]);
    expect(new Set(evidence)).toEqual(new Set([false]));
  }, 60_000);

  it('exits 2 before running when --sheet comes without --record, or a report folder does not exist', async () => {
    const sheetOnly = await klarmeld(['--profile', profile, '--sheet', join(dir, 's.sqlite')]);
    expect([sheetOnly.code, sheetOnly.stderr]).toEqual([2, expect.stringContaining('add --record')]);
    const lostReport = await klarmeld(['--profile', profile, '--junit', join(dir, 'missing', 'j.xml')]);
    expect([lostReport.code, lostReport.stderr]).toEqual([2, expect.stringContaining('does not exist')]);
  }, 30_000);

  it('exits 1 when the system writes upper-case UUIDs, naming the failing test and its requirement', async () => {
    const { code, stdout } = await klarmeld(['--profile', profile, '--integration', 'SF1520'], {
      REFERENCE_SYSTEM_FAULT: 'upper-case-uuids',
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL\s+sf1520\.lookup\.lower-case-uuids \(SHALL SF1520-R04\) \[system\]/);
    expect(stdout).toContain('upper-case letters');
  }, 60_000);

  it('exits 3 when the platform URL points at a closed port', async () => {
    const { code, stderr } = await klarmeld(['--profile', profile, '--platform', 'https://127.0.0.1:1']);
    expect(code).toBe(3);
    expect(stderr).toContain('platform-unreachable');
  }, 30_000);

  it('exits 2 with file and line for a broken profile', async () => {
    const broken = join(dir, 'klarmeld.yaml');
    await writeFile(broken, 'system: reference-system\ntrigger:\n  url: not-a-url\n');
    const { code, stderr } = await klarmeld(['--profile', broken]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${broken}:3: trigger.url`);
  }, 30_000);
});
