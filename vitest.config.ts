import { defineConfig } from 'vitest/config';

// Every test file gets its own database or schema, so files run in parallel (2 workers on CI's 2 cores).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
