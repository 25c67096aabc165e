/**
 * The documentation site with the demo's statuses. The site reads the sheet KLARMELD_SHEET names
 * (else .klarmeld/sheet.sqlite), and the demo records into its own sheet, so a site built with a
 * plain `npm run site:build` shows none of the demo's results: the demo builds it (or tells the
 * user how) with KLARMELD_SHEET set to the demo's sheet.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sheetEnvVariable } from '../../conformance/onboarding/index.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** The site did not build; the message carries the end of Astro's output. */
export class SiteBuildError extends Error {
  override name = 'SiteBuildError';
}

/** A word as a POSIX shell reads it: quoted only when it needs to be. */
const shellWord = (text: string) => (/^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`);

/** The command a user types to build the site with the statuses of `sheet` (a path as they would type it). */
export function siteBuildCommand(sheet: string): string {
  return `${sheetEnvVariable}=${shellWord(sheet)} npm run site:build`;
}

export interface SiteBuildOptions {
  /** The onboarding sheet whose statuses the site shows. */
  sheet: string;
  /** The environment to build in (the caller's), to which KLARMELD_SHEET is added. */
  env: NodeJS.ProcessEnv;
  /** Where to write the site; default site/dist, which the demo serves. */
  outDir?: string;
  signal?: AbortSignal;
  /** Told how many pages Astro has written so far, as it writes them (the build takes a minute: show it moving). */
  onPages?: (written: number) => void;
}

/** Astro logs one line per page it writes (`├─ /path/index.html (+12ms)`); counting them is the build's progress. */
export function countWrittenPages(text: string): number {
  return text.match(/[├└]─ \/\S*/g)?.length ?? 0;
}

/**
 * Builds the site as `siteBuildCommand(sheet)` does, on the Node that runs klarmeld (the project
 * pins Node 24, which Astro needs). Resolves when the site is written; rejects with a
 * SiteBuildError that ends with Astro's last output, or with an AbortError on `signal`.
 */
export function buildSiteWithSheet(options: SiteBuildOptions): Promise<{ dir: string }> {
  const dir = options.outDir ?? join(repo, 'site', 'dist');
  const astro = join(repo, 'node_modules', 'astro', 'bin', 'astro.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--root', 'site', '--outDir', dir], {
      cwd: repo,
      env: { ...options.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', [sheetEnvVariable]: options.sheet },
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: options.signal,
    });
    let output = '';
    let pages = 0;
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      keep(chunk);
      const written = countWrittenPages(chunk.toString());
      if (written > 0) options.onPages?.((pages += written));
    });
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve({ dir });
      else if (!options.signal?.aborted) {
        reject(
          new SiteBuildError(
            `The site did not build (astro exited with ${code}). Build it by hand to see why: ${siteBuildCommand(options.sheet)}\n${output}`,
          ),
        );
      }
    });
  });
}
