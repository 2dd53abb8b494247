/**
 * The desktop's built main process (scripts/build-main.mjs): each thread the bundled code starts is found by its
 * name beside the bundle that starts it. A thread missing from the build fails only at run time, on the desktop alone
 * (from the sources every module is where its URL says): the WAL checkpoint thread once did, and the core's writer
 * silently went back to checkpointing on the window's time. Built for real into a temporary folder and started there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { silentLogger } from '../../shared/platform/logger';
import type { SpawnCore } from '../../src-main/app/core-channel';
import { startCore } from '../../src-main/app/core-host';
import type { CheckpointThreadMessage } from '../../src-main/db/wal-checkpoint-thread';
import { PROJECT_ROOT } from '../support/paths';
import { closedOwnAppStore } from '../support/own-app-store';

let built: string;

beforeAll(() => {
  // Beside a link to the project's packages, which the bundles leave external and find at run time.
  const root = mkdtempSync(join(tmpdir(), 'puzzelstuk-desktop-build-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  built = join(root, 'electron');
  mkdirSync(built);
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts/build-main.mjs'), '--outdir', built], { stdio: ['ignore', 'ignore', 'pipe'] });
}, 120_000);

/** Every `new URL('….js', import.meta.url)` of a built bundle: the threads it starts (built, each is a .js bundle). */
function threadUrlsIn(bundle: string): URL[] {
  const code = readFileSync(join(built, bundle), 'utf8');
  const urls: URL[] = [];
  for (const [, operands] of code.matchAll(/new URL\(((?:[^()]|\([^()]*\))*?),\s*import\.meta\.url\)/g)) {
    for (const [, name] of operands!.matchAll(/"([^"]+\.js)"/g)) urls.push(new URL(name!, pathToFileURL(join(built, bundle))));
  }
  return urls;
}

/** Packages only the demo (its hub, its generator) or a rarely asked document needs. */
const NOT_AT_START = ['@faker-js/faker/locale/nl', 'fastify', '@fastify/rate-limit', 'pg', '@electric-sql/pglite', 'pdfkit', 'date-holidays'];

/**
 * The packages a built module loads: its static imports, and those of the chunks it imports (all loaded before it
 * runs); with `lazy`, also what it imports when asked (`import("…")`).
 */
function packagesLoadedBy(bundle: string, lazy: boolean, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(bundle)) return packages;
  seen.add(bundle);
  const code = readFileSync(join(built, bundle), 'utf8');
  const specifiers = [...code.matchAll(/^import\s[^;]*?"([^"]+)";/gm)].map((match) => match[1]!);
  if (lazy) specifiers.push(...[...code.matchAll(/\bimport\("([^"]+)"\)/g)].map((match) => match[1]!));
  for (const specifier of specifiers) {
    if (specifier.startsWith('./')) for (const found of packagesLoadedBy(specifier.slice(2), lazy, seen)) packages.add(found);
    else packages.add(specifier);
  }
  return packages;
}

describe('the desktop build (scripts/build-main.mjs)', () => {
  it('holds every thread its bundles start, where they look for it', () => {
    const bundles = readdirSync(built).filter((file) => file.endsWith('.js'));
    const urls = bundles.flatMap(threadUrlsIn);
    // The core's thread, the import's line preparers and the WAL checkpoints are started from the bundles.
    expect(urls.map((url) => url.pathname.split('/').pop()).sort()).toEqual(['core-thread.js', 'prepare-worker.js', 'wal-checkpoint-thread.js']);
    for (const url of urls) expect(existsSync(fileURLToPath(url)), url.pathname).toBe(true);
  });

  it('loads the demo’s hub and generator, pdfkit and date-holidays only when asked, not at every start of the core', () => {
    expect(NOT_AT_START.filter((name) => packagesLoadedBy('core-thread.js', false).has(name))).toEqual([]);
    expect(NOT_AT_START.filter((name) => packagesLoadedBy('main.js', false).has(name))).toEqual([]);
    // Still there for the demo and the documents (date-holidays is required at its first question, out of the bundler's sight).
    const whenAsked = packagesLoadedBy('core-thread.js', true);
    expect(NOT_AT_START.filter((name) => !whenAsked.has(name))).toEqual(['date-holidays']);
  });

  it('starts the built core, whose WAL checkpoint thread starts beside it', async () => {
    const { paths, secrets } = await closedOwnAppStore();
    const said: string[] = [];
    // As browser mode does (core-channel.ts), from the built core; its log lines (stderr) are kept to read.
    const spawn: SpawnCore = () => {
      const worker = new Worker(pathToFileURL(join(built, 'core-thread.js')), { stderr: true });
      worker.stderr.setEncoding('utf8').on('data', (chunk: string) => said.push(chunk));
      return {
        post: (message) => worker.postMessage(message),
        onMessage: (listener) => void worker.on('message', listener),
        onExit: (listener) => void worker.once('exit', listener),
        terminate: async () => void (await worker.terminate()),
      };
    };
    const core = await startCore(
      { dataDir: paths.dataDir, storePath: paths.storePath, migrationsFolder: join(PROJECT_ROOT, 'migrations'), demo: false, launch: {}, env: { PUZZELSTUK_OFFICER: 'l.vermeer' } },
      { secrets, logger: silentLogger, spawn },
    );
    onTestFinished(() => core.close());
    expect(await core.call('sync.state', {})).toMatchObject({ ok: true });
    // The thread says whether it started; a thread not where the core looks for it fails to load.
    const checkpointThread = () => /"event":"store\.checkpoint_thread_(ready|failed)"/.exec(said.join(''))?.[1];
    while (!checkpointThread()) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(checkpointThread()).toBe('ready');
  }, 60_000);

  it('the built checkpoint thread opens the (encrypted) store and is ready to take the checkpoints over', async () => {
    const { paths, secrets } = await closedOwnAppStore();
    const worker = new Worker(pathToFileURL(join(built, 'wal-checkpoint-thread.js')), { workerData: { path: paths.storePath, key: secrets.get('store-key') ?? undefined, everyMs: 20 } });
    onTestFinished(async () => void (await worker.terminate()));
    const first = await new Promise<CheckpointThreadMessage>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(first).toEqual({ type: 'ready' });
  }, 60_000);
});
