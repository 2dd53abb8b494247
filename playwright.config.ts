import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';

/**
 * The browser (end-to-end) suite: the real hub and workstations as processes on 127.0.0.1, the built renderer
 * in Debian's Chromium (browser mode; the Electron binary cannot be downloaded on these machines).
 * test/e2e/global-setup.ts provides Chromium, the renderer build and a hub template, or fails saying why.
 */
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  // Failure screenshots and traces; the screens' own screenshots go to test-results/screenshots.
  outputDir: 'test-results/e2e',
  // Two test files at a time even on two cores: a test spends most of its time waiting on its hub, workstations and
  // Chromium. All 30 tests passed with two workers on two cores under a load of 10–15.
  workers: Math.max(2, availableParallelism()),
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // A test starts a hub and one or two workstations (each a process) before the browser does anything.
  timeout: 120_000,
  globalTimeout: 15 * 60_000,
  // The first screen of a freshly started workstation on two shared cores (its first queries cold, a sync running)
  // has taken over 10 s in CI; a wait is not a speed check (those are in the bench).
  expect: { timeout: 20_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'test-results/e2e-report' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
