import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

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
  },
});
