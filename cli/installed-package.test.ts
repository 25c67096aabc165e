import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * klarmeld as a supplier's CI meets it: the packed tarball installed into an empty project,
 * `klarmeld init` and `klarmeld test` run there with npx against the Python example system,
 * which KOMBIT's catalogue does not list. Dependencies come from npm's cache (--prefer-offline):
 * this repository's node_modules were installed from the registry, so they are all there.
 */
const repo = fileURLToPath(new URL('../', import.meta.url));
const pythonSystem = join(repo, 'examples/python-system/system.py');
const run = promisify(execFile);

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}
async function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Ran> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : -1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
    };
  }
}

let dir: string;
let tarball: string;
/** The files npm put in the tarball. */
let shipped: Set<string>;
let project: string;

// One project for all the tests here, as a supplier has one: made once, removed at the end.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klarmeld-package-'));
  await mkdir(join(dir, 'pack'));
  const packed = await sh('npm', ['pack', '--json', '--pack-destination', join(dir, 'pack')], repo);
  expect(packed.code, packed.stderr).toBe(0);
  const [manifest] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(dir, 'pack', manifest!.filename);
  shipped = new Set(manifest!.files.map((f) => f.path));
  project = join(dir, 'supplier');
  await mkdir(project);
  await writeFile(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'supplier-system', private: true }, null, 2)}\n`,
  );
  await copyFile(pythonSystem, join(project, 'system.py'));
  const installed = await sh(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--save-dev', tarball],
    project,
  );
  expect(installed.code, installed.stderr).toBe(0);
}, 300_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the packed klarmeld, installed in a supplier project', () => {
  it('ships the runtime and the catalogue, not the tests', async () => {
    const root = join(project, 'node_modules/klarmeld');
    expect(existsSync(join(root, 'catalog/data/systems.yaml'))).toBe(true);
    expect(existsSync(join(root, 'catalog/contracts'))).toBe(true);
    expect(existsSync(join(root, 'conformance/suites/SF1520/requirements.yaml'))).toBe(true);
    expect(existsSync(join(root, 'server/index.ts'))).toBe(true);
    expect(existsSync(join(root, 'cli/installed-package.test.ts'))).toBe(false);
    expect(existsSync(join(root, 'site'))).toBe(false);
    // Every module a shipped module imports is shipped too (a new top folder must join 'files').
    const unshipped = [...shipped]
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => {
        const source = readFileSync(join(repo, file), 'utf8');
        const specifiers = [...source.matchAll(/(?:from\s+|import\()'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
        return specifiers
          .map((s) => posix.normalize(posix.join(posix.dirname(file), s)))
          .filter((target) => !shipped.has(target))
          .map((target) => `${file} → ${target}`);
      });
    expect(unshipped).toEqual([]);
    // Runtime dependencies only: no test runner or site builder in the supplier's node_modules.
    expect(existsSync(join(project, 'node_modules/vitest'))).toBe(false);
    expect(existsSync(join(project, 'node_modules/astro'))).toBe(false);
  });

  it('writes a profile with init and passes klarmeld test against a Python system outside the catalogue', async () => {
    const init = await sh(
      'npx',
      [
        'klarmeld',
        'init',
        '--name',
        'Acme Journal',
        '--cvr',
        '12345678',
        '--integrations',
        'SF1520',
        '--operations',
        'SF1520:PersonLookup',
        '--area',
        'Y65',
        '--start',
        'python3 system.py',
      ],
      project,
    );
    expect(init.code, init.stderr).toBe(0);
    expect(await readFile(join(project, 'klarmeld.yaml'), 'utf8')).toContain(
      '$schema=node_modules/klarmeld/conformance/profile/generated/klarmeld-profile.schema.json',
    );
    const again = await sh(
      'npx',
      ['klarmeld', 'init', '--name', 'Other', '--cvr', '12345678', '--integrations', 'SF1520'],
      project,
    );
    expect(again.code).toBe(2);

    const test = await sh('npx', ['klarmeld', 'test', '--json', '--junit', 'junit.xml'], project);
    expect(test.code, `${test.stderr}\n${test.stdout.slice(0, 3000)}`).toBe(0);
    const document = JSON.parse(test.stdout) as {
      profile: { system: string };
      summary: { exitCode: number };
      tests: { id: string; result: string }[];
      attestation?: { statement: { system: { id: string; name: string } } };
    };
    expect(document.profile.system).toBe('acme-journal');
    expect(document.attestation?.statement.system).toMatchObject({ id: 'acme-journal', name: 'Acme Journal' });
    expect(document.tests.length).toBeGreaterThanOrEqual(10);
    expect(document.tests.filter((t) => t.result !== 'pass')).toEqual([]);
    expect(document.tests.every((t) => t.id.startsWith('sf1520.'))).toBe(true);
    expect(await readFile(join(project, 'junit.xml'), 'utf8')).toContain('sf1520.faults.person-not-found');
  }, 180_000);

  it("sends a supplier from the demo, which needs klarmeld's repository, to init and test", async () => {
    const demo = await sh('npx', ['klarmeld', 'demo', '--no-serve'], project);
    expect(demo.code).toBe(2);
    expect(demo.stderr).toContain('"klarmeld init", then "klarmeld test"');
  });

  // The machine's own Node (20 here, as on many suppliers' machines), beside the project's Node 24.
  const olderNode = '/usr/bin/node';
  it('says in one line what to do on a Node older than 24', async (context) => {
    const version = existsSync(olderNode) ? await sh(olderNode, ['-p', 'process.versions.node'], project) : undefined;
    if (!version || version.code !== 0 || Number(version.stdout.split('.')[0]) >= 24)
      return context.skip(`no Node older than 24 at ${olderNode}`);
    const ran = await sh(olderNode, [join(project, 'node_modules/.bin/klarmeld'), '--help'], project);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe('');
    expect(ran.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^klarmeld needs Node 24 or newer; this is Node \d+.*npm install --save-dev node@24/),
    ]);
  });
});
