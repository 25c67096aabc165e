import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'site/dist/**', 'site/.astro/**', 'site/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
