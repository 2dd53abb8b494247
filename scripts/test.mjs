#!/usr/bin/env node
// `npm test`: the whole suite — types, lint, unit and integration tests, browser tests — on a fresh machine after
// `npm install`.
// What the suite needs from the OS is provisioned by the suites' global set-ups, never skipped silently:
// PostgreSQL 15 by test/hub/global-setup.ts (scripts/postgres.mjs), Chromium by test/e2e/global-setup.ts.
import { spawn } from 'node:child_process';

/**
 * Stages run one after another; the steps of a stage run side by side. Type checking and lint are each one thread
 * mostly, so on two cores they take the time of the longer; their output is shown when each ends, whole.
 */
const stages = [
  [
    ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
    ['lint', 'npx', ['eslint', '.']],
  ],
  [['unit and integration tests', 'npx', ['vitest', 'run']]],
  // Real hub and workstations in Debian's Chromium; test/e2e/global-setup.ts provides Chromium and the renderer build.
  [['browser tests', 'npx', ['playwright', 'test']]],
];

/** Runs a step; alone in its stage it writes straight to the terminal, beside others its output is kept until it ends. */
function run([name, command, args], alone) {
  const started = Date.now();
  if (alone) process.stderr.write(`\n▶ ${name}\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: process.env });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    let finished = false;
    // 'close' can follow 'error' (a step that could not start): report it once.
    const finish = (status) => {
      if (finished) return;
      finished = true;
      if (!alone) process.stderr.write(`\n▶ ${name}\n${Buffer.concat(output).toString()}`);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stderr.write(status === 0 ? `✓ ${name} (${seconds} s)\n` : `\n✗ ${name} failed (${status})\n`);
      resolve(status === 0);
    };
    child.on('error', (error) => finish(`could not start: ${error.message}`));
    child.on('close', (code, signal) => finish(code ?? signal));
  });
}

const startedAt = Date.now();
for (const stage of stages) {
  const passed = await Promise.all(stage.map((step) => run(step, stage.length === 1)));
  if (passed.includes(false)) process.exit(1);
}
process.stderr.write(`\nall checks passed in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
