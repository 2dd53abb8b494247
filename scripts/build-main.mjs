#!/usr/bin/env node
// Builds the Electron main process and preload into dist/main/electron (esbuild, which Vite ships with), or into the
// folder given as `--outdir <dir>` (the build's test, which starts what it built).
// Main is ESM for Node with every npm package left external (they ship in node_modules, native ones unpacked);
// the preload is one CommonJS file, because a sandboxed preload can neither be ESM nor require anything but electron.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = args.outdir ? resolve(args.outdir) : `${root}dist/main/electron`;
rmSync(args.outdir ? outdir : `${root}dist/main`, { recursive: true, force: true });

const common = { absWorkingDir: root, bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

// The main process, and the threads it starts (the workstation core; the import's line preparers; the store's WAL
// checkpoints), side by side: each finds the other by its name beside its own bundle. Split, so that what a thread
// imports only when needed (the demo's hub and generator) is a chunk of its own, with its packages: in one bundle
// their imports are hoisted to the top and loaded at every start.
await build({
  ...common,
  entryPoints: {
    main: 'src-main/electron/main.ts',
    'core-thread': 'src-main/app/core-thread.ts',
    'prepare-worker': 'src-main/ingest/prepare-worker.ts',
    'wal-checkpoint-thread': 'src-main/db/wal-checkpoint-thread.ts',
  },
  outdir,
  platform: 'node',
  format: 'esm',
  splitting: true,
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

process.stderr.write(`built ${outdir}/main.js, core-thread.js, prepare-worker.js, wal-checkpoint-thread.js and preload.cjs\n`);
