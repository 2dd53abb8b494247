import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit-shared-modules` (test/unit, whose files share their forks' loaded modules), `unit` (everything else but the
 * hub, each file with its modules loaded afresh) and `hub` (test/hub and the attack suite test/security, run against
 * PGlite and a real PostgreSQL server that test/hub/global-setup.ts provisions, only when hub tests are part of the run).
 */

/**
 * test/unit's files, apart from those that replace a module (vi.mock, vi.doMock): a module another file already
 * loaded in the same fork would not be replaced, so those load theirs afresh, in `unit`.
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const unitFiles = readdirSync(join(root, 'test/unit'), { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.test\.tsx?$/.test(file))
  .map((file) => join('test/unit', file));
const replacingModules = new Set(unitFiles.filter((file) => /\bvi\.(?:mock|doMock)\(/.test(readFileSync(join(root, file), 'utf8'))));
const sharingModules = unitFiles.filter((file) => !replacingModules.has(file));
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
          exclude: ['test/e2e/**', 'test/hub/**', 'test/security/**', 'node_modules/**', ...sharingModules],
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-shared-modules',
          include: sharingModules,
          // Loading each file's modules afresh took most of test/unit's time: 155 s against 78 s shared, on two cores.
          isolate: false,
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
