#!/usr/bin/env node
// `npm test`: the whole suite — types, lint, unit and integration tests, browser tests — on a fresh machine after
// `npm install`.
// What the suite needs from the OS is provisioned by the suites' global set-ups, never skipped silently:
// PostgreSQL 15 by test/hub/global-setup.ts (scripts/postgres.mjs), Chromium by test/e2e/global-setup.ts.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npx', ['eslint', '.']],
  ['unit and integration tests', 'npx', ['vitest', 'run']],
  // Real hub and workstations in Debian's Chromium; test/e2e/global-setup.ts provides Chromium and the renderer build.
  ['browser tests', 'npx', ['playwright', 'test']],
];

const startedAt = Date.now();
for (const [name, command, args] of steps) {
  const stepStart = Date.now();
  process.stderr.write(`\n▶ ${name}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    process.stderr.write(`\n✗ ${name} failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status ?? 1);
  }
  process.stderr.write(`✓ ${name} (${((Date.now() - stepStart) / 1000).toFixed(1)} s)\n`);
}
process.stderr.write(`\nall checks passed in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
