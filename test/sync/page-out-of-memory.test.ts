/**
 * A pulled feed page whose report exhausts the prepare worker's heap (a record far beyond intake-report/1, which the
 * hub took in): the sync says so with the place in the feed, writes nothing of the page, and tries it again with its
 * backoff — not at once, and not on the store's thread. The limits here are small (the test's own); the product's are
 * PREPARE_WORKER_LIMITS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { IntakeRecord } from '../../shared/intake/schema';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { readCursor } from '../../src-main/db/sync-cursor';
import { createWorkerPreparer } from '../../src-main/ingest/prepare-pool';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { filedRecord } from '../support/records';
import { tempDir } from '../support/temp-store';
import { ManualTimers } from './support/manual-timers';
import { startSyncHub } from './support/sync-hub';

const SMALL_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 };
/** Longer than any backoff here: a request's time limit among the timers asked for. */
const REQUEST_TIMEOUT_MS = 999_999;

/** Valid by the contract (unknown fields are kept), under the 4 MB line limit, and over a million objects once parsed. */
const oversized = (): IntakeRecord => ({ ...filedRecord(), evidence: Array.from({ length: 1_200_000 }, () => ({})) });

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('a feed page that exhausts the prepare worker', () => {
  it('is a sync error naming its place in the feed; nothing of it is written, and it is tried again only after the backoff', async () => {
    const hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-page-memory-'));
    const hub = await startSyncHub(hubDir);
    const store = hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'station.db') }));
    const preparer = createWorkerPreparer(undefined, { resourceLimits: SMALL_LIMITS, restartDelayMs: () => 100 });
    // Pages go to the worker once it is ready (before, they are read on this thread): an import batch waits for it.
    await preparer.prepare([]);
    let feedAsks = 0;
    const counting: typeof fetch = (input, init) => {
      if (new URL(input instanceof Request ? input.url : String(input)).pathname.endsWith('/feed')) feedAsks += 1;
      return fetch(input, init);
    };
    const timers = new ManualTimers();
    const backoffs = () => timers.requested.filter((ms) => ms < REQUEST_TIMEOUT_MS);
    const engine = createSyncEngine(store, {
      hubUrl: hub.url,
      token: hub.tokens.workstations[0]!,
      preparer,
      fetch: counting,
      timers,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      random: () => 0,
      backoff: { initialMs: 1000, maxMs: 60_000 },
    });
    // The engine ends first, then what it uses.
    onTestFinished(async () => {
      await engine.stop();
      await preparer.close();
      store.close();
      await hub.close();
      rmSync(hubDir, { recursive: true, force: true });
    });

    // The honest twin: ordinary pages are read by the same small worker and written whole.
    const first = Array.from({ length: 3 }, () => filedRecord());
    expect((await hub.post(first)).rejected).toEqual([]);
    await engine.runOnce();
    const cursor = readCursor(store.sqlite);
    const reports = () => store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get();
    expect(reports()).toBe(3);

    const huge = oversized();
    expect((await hub.post([filedRecord(), huge, filedRecord()])).rejected).toEqual([]);
    feedAsks = 0;
    engine.start();
    await until(() => backoffs().length === 1);
    const { lastError } = engine.getState();
    expect(lastError).toBe(
      `sync failed: report 2 of the next feed page (after feed entry ${cursor}) is too large to read: preparing it ran out of memory. ` +
        `Nothing after entry ${cursor} was written; sync tries again later. If this stays, tell the hub’s administrator where it is in the feed.`,
    );
    expect(lastError).not.toContain(huge.reportId);
    expect(readCursor(store.sqlite)).toBe(cursor);
    expect(reports()).toBe(3);
    // Asked once, then waiting for the backoff: no retry until it is over.
    expect(backoffs()).toEqual([500]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(feedAsks).toBe(1);

    // The backoff over, the page is asked again — by the restarted worker, not this thread — fails the same, and the
    // next wait is longer.
    await timers.fire((ms) => ms === 500);
    await until(() => backoffs().length === 2);
    expect(backoffs()).toEqual([500, 1000]);
    expect(feedAsks).toBe(2);
    expect(engine.getState().lastError).toBe(lastError);
    expect(readCursor(store.sqlite)).toBe(cursor);
    expect(reports()).toBe(3);
  }, 180_000);
});
