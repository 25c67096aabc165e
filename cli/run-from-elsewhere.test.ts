import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/klarmeld.js', import.meta.url));
const run = promisify(execFile);

// A supplier runs klarmeld from their own project, whose tsconfig (if any) is not ours.
const elsewhere = mkdtempSync(join(tmpdir(), 'klarmeld-elsewhere-'));
writeFileSync(join(elsewhere, 'tsconfig.json'), JSON.stringify({ compilerOptions: { jsx: 'react' } }));
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

describe('klarmeld run from another folder', () => {
  it.each([
    ['catalog', 'list'],
    ['platform', 'fixtures'],
  ])('renders `klarmeld %s %s` with its ink view', async (...args) => {
    const { stdout } = await run(process.execPath, [bin, ...args], { cwd: elsewhere });
    expect(stdout).toMatch(/SF1520|Korsbæk/);
  });
});
