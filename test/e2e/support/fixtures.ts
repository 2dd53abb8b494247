import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, type TestInfo } from '@playwright/test';
import { Launcher } from './system';

/** Attaches the processes' logs to a test that did not go as expected. */
export async function attachLogsOnFailure(testInfo: TestInfo, logDir: string): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) return;
  let files: string[] = [];
  try {
    files = readdirSync(logDir);
  } catch {
    return;
  }
  for (const file of files) await testInfo.attach(file, { path: join(logDir, file), contentType: 'text/plain' });
}

/** `launcher` starts hubs and workstations for one test and stops them all when it ends. */
export const test = base.extend<{ launcher: Launcher }>({
  // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  launcher: async ({}, use, testInfo) => {
    const logDir = testInfo.outputPath('logs');
    const launcher = new Launcher(logDir);
    try {
      await use(launcher);
    } finally {
      await launcher.stopAll();
      await attachLogsOnFailure(testInfo, logDir);
    }
  },
});

export { expect } from '@playwright/test';
