import { defineConfig } from 'vitest/config';

// Every test file gets its own database or schema, so files run in parallel (2 workers on CI's 2 cores).
// Migrated databases are copies of one template database, built (or found) once by the global setup.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
