/**
 * A prepare worker that dies while loading, start after start, does not stall the sync: a feed page too large to read
 * on the store's thread waits for it only NEVER_READY_DEATHS deaths, then fails with a named error that the sync shows
 * (src-main/ingest/prepare-pool.ts). Deaths are counted, not timed. Nor does one that stays alive and never finishes
 * loading: its start deadline ends it, and it counts as such a death — but not one that said it was ready while this
 * thread was busy past the deadline.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { systemClock } from '../../shared/platform/clock';
import type { Logger } from '../../shared/platform/logger';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { readCursor } from '../../src-main/db/sync-cursor';
import { FEED_SLICE_MS } from '../../src-main/ingest/apply-feed-page';
import { createWorkerPreparer, IN_THREAD_PAGE_BYTES, NEVER_READY_DEATHS, PrepareWorkerUnavailableError, type WorkerPreparerOptions } from '../../src-main/ingest/prepare-pool';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { filedRecord } from '../support/records';
import { tempDir } from '../support/temp-store';
import { startSyncHub } from './support/sync-hub';

const unloadable = new URL('./support/unloadable-prepare-worker.ts', import.meta.url);
const hanging = new URL('./support/never-ready-worker.ts', import.meta.url);
const readyAtOnce = new URL('./support/ready-at-once-worker.ts', import.meta.url);

function pageOf(count: number, evidenceBytes: number): string {
  const entries = Array.from({ length: count }, (_, index) => {
    const record = { ...filedRecord(), evidence: 'x'.repeat(evidenceBytes) };
    return { seq: String(index + 1), type: 'report', reportId: record.reportId, revision: record.revision, record: JSON.stringify(record) };
  });
  return JSON.stringify({ entries, cursor: String(count), hasMore: false });
}

function preparerWatched(worker: URL | undefined, options: WorkerPreparerOptions = {}) {
  const stops: string[] = [];
  const stopCauses: unknown[] = [];
  const logger: Logger = {
    info: () => undefined,
    warn: () => undefined,
    error: (event, fields) => {
      stops.push(event);
      stopCauses.push(fields?.error);
    },
  };
  const preparer = createWorkerPreparer(worker, { logger, restartDelayMs: () => 10, ...options });
  onTestFinished(() => preparer.close());
  return { preparer, stops, stopCauses };
}

const unloadablePreparer = () => preparerWatched(unloadable);

describe('a prepare worker that never finishes loading', () => {
  it('fails a page too large to read here after a few deaths, with a named error, instead of waiting for ever', async () => {
    const { preparer, stops } = unloadablePreparer();
    const large = pageOf(3, 1_000_000);
    expect(Buffer.byteLength(large)).toBeGreaterThan(IN_THREAD_PAGE_BYTES);
    const failure = await preparer.preparePage(large, () => FEED_SLICE_MS).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrepareWorkerUnavailableError);
    expect((failure as Error).message).toContain('could not start');
    expect(stops.filter((event) => event === 'prepare.worker_stopped')).toHaveLength(NEVER_READY_DEATHS);
    // The next large page is not left waiting either.
    await expect(preparer.preparePage(large, () => FEED_SLICE_MS)).rejects.toBeInstanceOf(PrepareWorkerUnavailableError);
    // The honest twin: a small page is read on this thread meanwhile, as ever.
    await expect(preparer.preparePage(pageOf(2, 10), () => FEED_SLICE_MS)).resolves.toMatchObject({ ok: true, prepared: [{ ok: true }, { ok: true }] });
  }, 60_000);

  it('is a sync error that writes nothing; the same page is pulled whole where the worker loads', async () => {
    const hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-never-ready-'));
    const hub = await startSyncHub(hubDir);
    const broken = unloadablePreparer();
    const working = createWorkerPreparer();
    const stores = [0, 1].map(() => hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'station.db') })));
    onTestFinished(async () => {
      await working.close();
      for (const store of stores) store.close();
      await hub.close();
      rmSync(hubDir, { recursive: true, force: true });
    });
    // Over IN_THREAD_PAGE_BYTES as a page: valid by the contract (unknown fields are kept).
    expect((await hub.post([filedRecord(), { ...filedRecord(), evidence: 'x'.repeat(IN_THREAD_PAGE_BYTES) }])).rejected).toEqual([]);

    const stalled = createSyncEngine(stores[0]!, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, preparer: broken.preparer });
    await expect(stalled.runOnce()).rejects.toBeInstanceOf(PrepareWorkerUnavailableError);
    expect(stalled.getState().lastError).toContain('could not start');
    expect(readCursor(stores[0]!.sqlite)).toBe('0');
    expect(stores[0]!.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(0);

    const honest = createSyncEngine(stores[1]!, { hubUrl: hub.url, token: hub.tokens.workstations[1]!, preparer: working });
    await honest.runOnce();
    expect(honest.getState().lastError).toBeNull();
    expect(stores[1]!.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(2);
  }, 120_000);
});

describe('a prepare worker that starts, stays alive and never says it is ready', () => {
  it('is ended at its start deadline; after a few such starts a page too large to read here fails instead of waiting for ever', async () => {
    const { preparer, stops, stopCauses } = preparerWatched(hanging, { startDeadlineMs: 200 });
    const large = pageOf(3, 1_000_000);
    // Without the deadline this waits until the test's timeout: the worker neither dies nor answers.
    await expect(preparer.preparePage(large, () => FEED_SLICE_MS)).rejects.toBeInstanceOf(PrepareWorkerUnavailableError);
    expect(stops).toEqual(Array(NEVER_READY_DEATHS).fill('prepare.worker_stopped'));
    expect(stopCauses).toEqual(Array(NEVER_READY_DEATHS).fill('start-timeout'));
    // A batch of lines sent to a hung worker is read on this thread once the deadline ends it.
    const text = JSON.stringify(filedRecord());
    const lines = [{ number: 1, text, tooLong: false, bytes: Buffer.byteLength(text) + 1 }];
    await expect(preparerWatched(hanging, { startDeadlineMs: 200 }).preparer.prepare(lines)).resolves.toMatchObject([{ ok: true }]);
  }, 60_000);

  it('the honest twin: the real worker, under its start deadline, becomes ready and reads the same page', async () => {
    const { preparer, stops } = preparerWatched(undefined);
    const large = pageOf(3, 1_000_000);
    await expect(preparer.preparePage(large, () => FEED_SLICE_MS)).resolves.toMatchObject({ ok: true, prepared: [{ ok: true }, { ok: true }, { ok: true }] });
    expect(stops).toEqual([]);
  }, 60_000);
});

/** Keeps this thread busy, as a long synchronous job on the core would, until `done` and for at least `ms`. */
function busy(ms: number, done: () => boolean = () => true): void {
  const since = performance.now();
  while (performance.now() - since < ms || !done()) {
    if (performance.now() - since > 50_000) throw new Error('the worker never said it was ready');
  }
}

describe('a prepare worker whose start deadline passes while this thread is busy', () => {
  const deadlineMs = 200;

  it('is not ended when it said it was ready meanwhile: its queued "ready" is read before the deadline decides', async () => {
    const mark = join(tempDir(), 'ready');
    process.env.PREPARE_TEST_READY_MARK = mark;
    onTestFinished(() => void delete process.env.PREPARE_TEST_READY_MARK);
    const { stops } = preparerWatched(readyAtOnce, { startDeadlineMs: deadlineMs });
    // Busy past the deadline, and until the worker has sent its "ready": both wait in the event loop's queues.
    busy(deadlineMs * 2, () => existsSync(mark));
    // Time for a deadline's stop to be logged: the twin below is stopped well within it.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(stops).toEqual([]);
  }, 60_000);

  it('the honest twin: one that never says it is ready is still ended at the deadline after the same busy stretch', async () => {
    const { stopCauses } = preparerWatched(hanging, { startDeadlineMs: deadlineMs });
    busy(deadlineMs * 2);
    await vi.waitFor(() => expect(stopCauses[0]).toBe('start-timeout'), { timeout: 2_000 });
  }, 60_000);
});
