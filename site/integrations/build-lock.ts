import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { acquireLock } from './process-lock.ts';

/**
 * One build of the site at a time, whoever starts it (`npm run site:build`, `klarmeld demo`, the
 * tests). Besides its outDir, every build of one site root writes the same files: `.astro/`
 * (content types and module lists) and `node_modules/.astro/` (the content data store) under the
 * root, and, for an outDir outside the working directory, its rendering chunks in
 * `<cwd>/.astro/.prerender/`, which each build deletes when it is done. Two builds at once read
 * each other's half-written or deleted files, and a page can fail or silently lose its content.
 */

/** The lock's name for the site at `root`: one per checkout, so two checkouts build side by side. */
export function buildLockName(root: string): string {
  let path = root;
  try {
    path = realpathSync(root);
  } catch {
    // A root that does not exist yet is named as given.
  }
  return `klarmeld-site-build-${createHash('sha256').update(path).digest('hex').slice(0, 16)}`;
}

/**
 * The integration that takes the lock before Astro writes anything (list it first, so its setup
 * runs before the others') and holds it until the build's process ends, after the last
 * integration has written its files. `astro dev` runs without it: it is not a build and never ends.
 */
export function buildLock(): AstroIntegration {
  return {
    name: 'klarmeld:build-lock',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'sync') return;
        await acquireLock(buildLockName(fileURLToPath(config.root)), {
          onWait: (holder) => {
            if (holder === process.pid) {
              throw new Error(
                'This process is already building the site, and holds the build lock until it ends. Build the site again in a new process (astro build).',
              );
            }
            logger.info(
              `Waiting for another build of this site to finish (process ${holder ?? 'unknown'}); builds of one site share Astro's caches and run one at a time.`,
            );
          },
        });
      },
    },
  };
}
