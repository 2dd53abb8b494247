import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (everything but the hub) and `hub` (test/hub and the attack suite test/security, run
 * against PGlite and a real PostgreSQL server that test/hub/global-setup.ts provisions, only when hub tests are part of the run).
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One test file more than cores: many of them wait on processes, servers and timers (serve-command waits a minute),
    // and vitest's default (cores − 1) ran one file at a time on two cores. All 276 files passed with 3 forks on
    // 2 cores under a load of 11.
    maxWorkers: availableParallelism() + 1,
    setupFiles: ['test/support/fast-check-seed.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'test/hub/**', 'test/security/**', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'hub',
          include: ['test/hub/**/*.test.ts', 'test/security/**/*.test.ts'],
          globalSetup: ['test/hub/global-setup.ts'],
          hookTimeout: 120_000,
          isolate: false,
        },
      },
    ],
  },
});
