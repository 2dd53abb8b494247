#!/usr/bin/env node
// The `puzzelstuk` bin (and `npm run cli`): the TypeScript CLI from its kept esbuild bundle (scripts/kept-bundle.mjs),
// built again whenever a file it was built from changed. Under tsx's loader every start compiled and resolved the
// CLI's few hundred modules one by one: `serve` used 5.0–6.7 s of CPU to listen, 3.0–3.7 s from the bundle. Should the
// bundle fail to build, the CLI runs under tsx, which meets the same fault and reports it as the CLI's.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { keptBundle } from './kept-bundle.mjs';

const entry = fileURLToPath(new URL('../src-main/cli/entry.ts', import.meta.url));
let bundle;
try {
  bundle = keptBundle(entry);
} catch (error) {
  process.emitWarning(`${error.message.trim()}\n(running the CLI under tsx instead)`, 'PuzzelstukCliBundle');
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entry).href);
}
if (bundle) {
  // Stack traces name the sources.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(bundle).href);
}
