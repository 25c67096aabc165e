import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'site/dist/**', 'site/.astro/**', 'site/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One PostgreSQL for the whole run, started when a file first asks for it; each file gets fresh databases.
    globalSetup: ['server/testing/postgres-global-setup.ts'],
  },
});
