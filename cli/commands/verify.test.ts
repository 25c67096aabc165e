import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import type { RunDocument } from '../../conformance/framework/index.ts';
import { referenceRun } from '../services/verify-rederive-run.ts';
import { generateEvidenceKeys } from '../../conformance/evidence/index.ts';
import { sampleRun } from '../../conformance/framework/testing/sample-run.ts';
import { klarmeld } from '../testing/klarmeld.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';

const temp = tempDirs();
let genuine: RunDocument;

// verify re-derives the verdicts with the suites klarmeld ships: a run it accepts is a real one.
beforeAll(async () => {
  const run = await referenceRun({ catalog: (await loadCatalog()).catalog, integrations: ['SF1520'] });
  await run.close();
  genuine = run.document;
}, 60_000);

async function genuineFile() {
  const dir = await temp.make('verify-');
  await writeFile(join(dir, 'run.json'), JSON.stringify(genuine, null, 2));
  await writeFile(join(dir, 'platform.pem'), genuine.platform.publicKey!);
  await writeFile(join(dir, 'other.pem'), generateEvidenceKeys().publicKeyPem);
  return dir;
}

async function runFile(edit?: (document: Awaited<ReturnType<typeof sampleRun>>['document']) => void) {
  const dir = await temp.make('verify-');
  const { document, keys } = await sampleRun({ notFound: 'fail' });
  edit?.(document);
  await writeFile(join(dir, 'run.json'), JSON.stringify(document, null, 2));
  await writeFile(join(dir, 'platform.pem'), keys.publicKeyPem);
  await writeFile(join(dir, 'other.pem'), generateEvidenceKeys().publicKeyPem);
  return dir;
}

describe('klarmeld verify', () => {
  it('accepts an untouched run document, re-derives its verdicts, and says the key was not pinned', async () => {
    const dir = await genuineFile();
    const { exit, stdout } = await klarmeld('verify', join(dir, 'run.json'));
    expect(exit).toBe(0);
    expect(stdout).toContain(`Valid: run ${genuine.runId}`);
    expect(stdout).toMatch(/exchanges: (\d+) of \1 signed and unchanged/);
    expect(stdout).toMatch(/verdicts: (\d+) of \1 tests re-derived from their tapes by the shipped suites\n/);
    expect(stdout).toContain('pin the key with --key FILE');
  });

  it('rejects a run document with a single edited result and names the problem', async () => {
    const dir = await runFile((document) => {
      document.tests[1]!.result = 'pass';
    });
    const { exit, stdout } = await klarmeld('verify', join(dir, 'run.json'));
    expect(exit).toBe(1);
    expect(stdout).toMatch(/Not valid/);
    expect(stdout).toContain('results-edited');
  });

  it('checks against a pinned key: the right one passes, another one fails', async () => {
    const dir = await genuineFile();
    expect((await klarmeld('verify', join(dir, 'run.json'), '--key', join(dir, 'platform.pem'))).exit).toBe(0);
    const other = await klarmeld('verify', join(dir, 'run.json'), '--key', join(dir, 'other.pem'), '--json');
    expect(other.exit).toBe(1);
    expect(JSON.parse(other.stdout).problems.map((p: { code: string }) => p.code)).toContain('key-mismatch');
  });

  it('exits 3 when the platform to fetch the key from does not answer', async () => {
    const dir = await runFile();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const { exit, stderr } = await klarmeld('verify', join(dir, 'run.json'), '--platform', `https://127.0.0.1:${port}`);
    expect(exit).toBe(3);
    expect(stderr).toMatch(/Could not fetch the platform key/);
  });

  it('exits 2 for a missing file or no argument', async () => {
    expect((await klarmeld('verify', '/nonexistent/run.json')).exit).toBe(2);
    expect((await klarmeld('verify')).exit).toBe(2);
  });
});

describe('klarmeld verify on a run whose verdicts cannot be re-derived', () => {
  it('reports a suite klarmeld does not ship as not re-derived, and does not accept the run', async () => {
    const dir = await runFile();
    const { exit, stdout } = await klarmeld('verify', join(dir, 'run.json'));
    expect(exit).toBe(1);
    expect(stdout).toContain('NOT re-derived: sf9999 1.0.0');
    expect(stdout).toMatch(
      /cannot-rederive: Suite sf9999 1\.0\.0 \(SF9999\) cannot be re-derived: this klarmeld ships no such suite/,
    );
  });
});
