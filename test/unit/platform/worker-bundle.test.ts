/**
 * Workers started from the sources run from a bundle kept between starts (src-main/platform/worker-bundle.ts), which
 * must never be stale: a change to any file it was built from builds it again before the next start. Each module
 * keeps its own import.meta.url, so workers find their files as from the sources.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { startWorker } from '../../../src-main/platform/start-worker';
import { keptWorkerBundle, WORKER_BUNDLE_DIR } from '../../../src-main/platform/worker-bundle';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-worker-bundle-'));
  dirs.push(dir);
  return dir;
}

/** A worker whose answer comes from a module it imports: the file the test changes. */
function workerSources(dir: string, answer: string): URL {
  writeFileSync(join(dir, 'answer.ts'), `export const answer: string = ${JSON.stringify(answer)};\nexport const answerUrl = import.meta.url;\n`);
  writeFileSync(
    join(dir, 'entry.ts'),
    `import { parentPort } from 'node:worker_threads';\nimport { answer, answerUrl } from './answer';\nparentPort!.postMessage({ answer, answerUrl });\n`,
  );
  return pathToFileURL(join(dir, 'entry.ts'));
}

function firstMessage(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.once('message', (message) => void worker.terminate().then(() => resolve(message)));
    worker.once('error', reject);
  });
}

describe('a worker’s kept bundle', () => {
  it('is built once, kept while its sources stay the same, and built again when a module it imports changes', async () => {
    const sources = tempDir();
    const cache = tempDir();
    const entry = workerSources(sources, 'eerste');
    const first = keptWorkerBundle(entry, cache);
    expect(await firstMessage(new Worker(first))).toEqual({ answer: 'eerste', answerUrl: pathToFileURL(join(sources, 'answer.ts')).href });

    const builtAt = statSync(first).mtimeMs;
    expect(keptWorkerBundle(entry, cache).href).toBe(first.href);
    expect(statSync(first).mtimeMs).toBe(builtAt);

    // The same size, and the entry itself untouched: only the content of a module it imports differs.
    workerSources(sources, 'tweede');
    const second = keptWorkerBundle(entry, cache);
    expect(second.href).not.toBe(first.href);
    expect(await firstMessage(new Worker(second))).toMatchObject({ answer: 'tweede' });
    expect(existsSync(first)).toBe(false);
    expect(readdirSync(cache).filter((file) => file.endsWith('.mjs'))).toHaveLength(1);
  }, 60_000);

  it('is what startWorker runs for a TypeScript entry', async () => {
    const entry = workerSources(tempDir(), 'via startWorker');
    expect(await firstMessage(startWorker(entry))).toMatchObject({ answer: 'via startWorker' });
    const kept = fileURLToPath(keptWorkerBundle(entry));
    expect(dirname(kept)).toBe(WORKER_BUNDLE_DIR);
    // This test's entry is gone with its folder: so are its bundle, source map and manifest.
    for (const file of [kept, `${kept}.map`, kept.replace(/-[\w-]{16}\.mjs$/, '.json')]) rmSync(file);
  }, 60_000);

  it('says why a source cannot be bundled; startWorker then starts it under tsx, and its failure is the worker’s error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.ts'), 'export const half = ;\n');
    const entry = pathToFileURL(join(dir, 'broken.ts'));
    expect(() => keptWorkerBundle(entry, tempDir())).toThrow(/broken\.ts.*Unexpected ";"/s);
    await expect(firstMessage(startWorker(entry))).rejects.toBeInstanceOf(Error);
  }, 60_000);

  it('is built without this process’s secrets in the build’s environment', async () => {
    const planted = 'planted-store-key-0123456789';
    const before = process.env.PUZZELSTUK_DB_KEY;
    process.env.PUZZELSTUK_DB_KEY = planted;
    onTestFinished(() => {
      if (before === undefined) delete process.env.PUZZELSTUK_DB_KEY;
      else process.env.PUZZELSTUK_DB_KEY = before;
    });
    // A builder that only writes down the environment it was given (and so builds nothing).
    const tools = tempDir();
    const cache = tempDir();
    const builder = join(tools, 'environment-builder.mjs');
    writeFileSync(builder, "import { writeFileSync } from 'node:fs';\nwriteFileSync(process.argv[3] + '/environment.json', JSON.stringify(process.env));\n");
    const entry = workerSources(tempDir(), 'geheim');
    expect(() => keptWorkerBundle(entry, cache, { builder })).toThrow(/wrote no manifest/);
    const environment = JSON.parse(readFileSync(join(cache, 'environment.json'), 'utf8')) as Record<string, string>;
    expect(Object.values(environment)).not.toContain(planted);
    expect(environment.PUZZELSTUK_DB_KEY).toBeUndefined();
    expect(environment.PATH).toBe(process.env.PATH);

    // The honest twin: the real build, given the same reduced environment, builds a bundle that runs.
    expect(await firstMessage(new Worker(keptWorkerBundle(entry, cache)))).toMatchObject({ answer: 'geheim' });
  }, 60_000);

  it('is given up on when its build hangs, with a message that says so', () => {
    const tools = tempDir();
    const hanging = join(tools, 'hanging-builder.mjs');
    writeFileSync(hanging, 'setInterval(() => undefined, 60_000);\n');
    const entry = workerSources(tempDir(), 'nooit');
    // Without the timeout this call would never return.
    expect(() => keptWorkerBundle(entry, tempDir(), { builder: hanging, timeoutMs: 500 })).toThrow(/took longer than 500 ms and was stopped/);
  }, 60_000);
});
