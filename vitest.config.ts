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
