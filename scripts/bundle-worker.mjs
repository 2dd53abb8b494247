#!/usr/bin/env node
// Bundles one worker thread's TypeScript entry with esbuild, for src-main/platform/worker-bundle.ts, which runs this
// when a worker's kept bundle is missing or stale: `node scripts/bundle-worker.mjs <entry.ts> <cache dir> <name>`.
// Writes <name>-<digest>.mjs (and its source map) and then <name>.json, its manifest: every file it was built from
// with the hash of the content that went into it. Packages stay external (found in node_modules at run time); each
// module keeps its own import.meta.url — its source file's — so the bundle finds files and other workers as its
// sources do.
import { build, version } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [entry, cacheDir, name] = process.argv.slice(2);
if (!entry || !cacheDir || !name) throw new Error('usage: node scripts/bundle-worker.mjs <entry.ts> <cache dir> <name>');
const root = fileURLToPath(new URL('..', import.meta.url));

const hashOf = (content) => createHash('sha256').update(content).digest('base64url');
/** Files that shape the bundle besides its modules: how TypeScript is read, the package's module type, this script. */
const settings = [join(root, 'tsconfig.json'), join(root, 'tsconfig.base.json'), join(root, 'package.json'), fileURLToPath(import.meta.url)];
/** Path → hash of the content this build read. */
const inputs = Object.fromEntries(settings.map((path) => [path, hashOf(readFileSync(path))]));

const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx', '.json': 'json' };

/** Reads every module itself: to hash exactly what is bundled, and to give each its own import.meta.url. */
const sourcesAsRead = {
  name: 'sources-as-read',
  setup(builder) {
    builder.onLoad({ filter: /.*/, namespace: 'file' }, ({ path }) => {
      const loader = LOADERS[extname(path)];
      if (!loader) return undefined;
      const content = readFileSync(path);
      inputs[path] = hashOf(content);
      const text = content.toString('utf8');
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)), loader };
    });
  },
};

mkdirSync(cacheDir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: [entry],
  bundle: true,
  write: false,
  outfile: join(cacheDir, `${name}.mjs`),
  platform: 'node',
  format: 'esm',
  target: `node${process.versions.node.split('.')[0]}`,
  packages: 'external',
  sourcemap: 'external',
  legalComments: 'none',
  logLevel: 'error',
  plugins: [sourcesAsRead],
});

const digest = hashOf(JSON.stringify({ esbuild: version, node: process.versions.node, inputs: Object.entries(inputs).sort() })).slice(0, 16);
const bundle = `${name}-${digest}.mjs`;
/** Written beside, then renamed: a start that reads the bundle or the manifest meanwhile sees a whole file or none. */
const place = (file, contents) => {
  const temporary = join(cacheDir, `.${file}.${process.pid}`);
  writeFileSync(temporary, contents);
  renameSync(temporary, join(cacheDir, file));
};
const [code, map] = [...result.outputFiles].sort((a, b) => a.path.length - b.path.length);
place(`${bundle}.map`, map.contents);
place(bundle, `${code.text}//# sourceMappingURL=${bundle}.map\n`);
place(`${name}.json`, JSON.stringify({ bundle, inputs }));
// Earlier builds of this entry (from sources since changed) are no longer named by its manifest.
for (const file of readdirSync(cacheDir)) {
  if (file.startsWith(`${name}-`) && !file.startsWith(bundle)) rmSync(join(cacheDir, file), { force: true });
}
