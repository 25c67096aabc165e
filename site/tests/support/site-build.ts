import { spawn } from 'node:child_process';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLockName } from '../../integrations/build-lock.ts';
import { acquireLock, type HeldLock } from '../../integrations/process-lock.ts';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const distDir = join(repoRoot, 'site', 'dist');
const stampFile = join(distDir, '.klarmeld-test-build.json');

/** What the site is built from: when any of these is newer than the last build, build again. */
const inputs = [
  'site/src',
  'site/integrations',
  'site/astro.config.mjs',
  'catalog',
  'conformance/suites',
  'conformance/onboarding',
  'examples/reference-system',
];

async function newestMtime(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  const names = await readdir(path);
  const times = await Promise.all(names.filter((n) => n !== 'node_modules').map((n) => newestMtime(join(path, n))));
  return Math.max(info.mtimeMs, ...times);
}

export interface BuildOptions {
  /** Environment for the build (e.g. KLARMELD_SHEET); part of what makes a build reusable. */
  env?: Record<string, string>;
  /** Names the environment in the stamp, since a temp path differs on every run. */
  label: string;
}

async function isFresh(label: string): Promise<boolean> {
  try {
    const stamp = JSON.parse(await readFile(stampFile, 'utf8')) as { label: string; builtAt: number };
    if (stamp.label !== label) return false;
    const newest = Math.max(...(await Promise.all(inputs.map((p) => newestMtime(join(repoRoot, p))))));
    return newest < stamp.builtAt;
  } catch {
    return false;
  }
}

/**
 * The environment without what Vitest adds (NODE_ENV=test, DEV=1, MODE=test, VITEST…): Vite
 * reads those and would build in development mode, where Starlight leaves the search out.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(VITEST|VITE_)/.test(key)) delete env[key];
  for (const key of ['NODE_ENV', 'DEV', 'PROD', 'MODE', 'TEST', 'SSR', 'BASE_URL']) delete env[key];
  return env;
}

function runBuild(env: Record<string, string>): Promise<void> {
  const astro = join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [astro, 'build', '--root', 'site'], {
      cwd: repoRoot,
      env: { ...buildEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`astro build exited with ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

/**
 * The lock that keeps two test files from building into site/dist at once, or one from reading it
 * while another rebuilds it. Held by the test process, so a crashed run leaves no stale lock. (Any
 * build also takes the site's build lock, see integrations/build-lock.ts; this one is about dist.)
 */
function lock(): Promise<HeldLock> {
  return acquireLock(`${buildLockName(join(repoRoot, 'site'))}-test-dist`);
}

/**
 * Builds the site into site/dist once, or reuses a build made from the same inputs and
 * environment, so every test file that needs the built site shares one build.
 */
export async function ensureSiteBuilt(options: BuildOptions): Promise<string> {
  if (await isFresh(options.label)) return distDir;
  const held = await lock();
  try {
    if (await isFresh(options.label)) return distDir;
    const builtAt = Date.now();
    await runBuild(options.env ?? {});
    await writeFile(stampFile, JSON.stringify({ label: options.label, builtAt }));
    return distDir;
  } finally {
    await held.release();
  }
}
