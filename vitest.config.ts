import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that run a long time (whole conformance runs, browsers, site builds, killed processes) but are
 * small. Without Vitest's duration cache (a clean clone, CI) it orders files by size, so these ran last
 * and the run ended with one or two of them on an otherwise idle machine; started first, the short files
 * fill the cores around them.
 */
const longFiles = [
  /^examples\/reference-system\/reference-system.*\.test\.ts$/,
  /^site\/tests\//,
  /^cli\/services\/demo-site\.test\.ts$/,
  /^cli\/commands\/(test-unresponsive|platform|test-service|demo)\.test\.ts$/,
  /^server\/cluster\//,
  /^server\/web\/web-browser\.test\.ts$/,
];

class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const long = (spec: TestSpecification) =>
      longFiles.some((pattern) => pattern.test(relative(spec.project.config.root, spec.moduleId)));
    return [...sorted.filter(long), ...sorted.filter((spec) => !long(spec))];
  }
}

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'site/dist/**', 'site/.astro/**', 'site/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One PostgreSQL for the whole run, started when a file first asks for it; each file gets fresh databases.
    globalSetup: ['server/testing/postgres-global-setup.ts'],
    // Vitest's default is one worker fewer than there are cores: on a 2-core machine the files ran one at a
    // time, while most of them wait on child processes, sockets and browsers. One more worker than cores
    // keeps both busy.
    pool: 'forks',
    maxWorkers: availableParallelism() + 1,
    // A worker process runs file after file and keeps the modules it loaded (the catalogue, zod, x509,
    // xmldom …): loading them again for each of ~260 files cost about a third of the run's CPU. Every
    // file still sets up and tears down what it starts (servers, temp folders, PostgreSQL databases),
    // and each runs alone as it does here.
    isolate: false,
    sequence: { sequencer: LongFilesFirst },
  },
});
