#!/usr/bin/env node
// Builds the Electron main process and preload into dist/main/electron (esbuild, which Vite ships with).
// Main is ESM for Node with every npm package left external (they ship in node_modules, native ones unpacked);
// the preload is one CommonJS file, because a sandboxed preload can neither be ESM nor require anything but electron.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/main/electron`;
rmSync(`${root}dist/main`, { recursive: true, force: true });

const common = { absWorkingDir: root, bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

// The main process, and the threads it starts (the workstation core; the import's line preparers), side by side:
// each finds the other by its name beside its own bundle.
await build({
  ...common,
  entryPoints: { main: 'src-main/electron/main.ts', 'core-thread': 'src-main/app/core-thread.ts', 'prepare-worker': 'src-main/ingest/prepare-worker.ts' },
  outdir,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
});

await build({
  ...common,
  entryPoints: ['src-main/electron/preload.ts'],
  outfile: `${outdir}/preload.cjs`,
  platform: 'node',
  format: 'cjs',
  target: 'chrome140',
  external: ['electron'],
});

process.stderr.write(`built ${outdir}/main.js, core-thread.js, prepare-worker.js and preload.cjs\n`);
