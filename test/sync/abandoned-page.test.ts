// Issue 14: a sign-in during the station's first sync holds its pull, and the pages it had asked for — the one being
// pulled, the one asked ahead — are abandoned: not only their transfer but their preparation, on the prepare worker
// as on the core's thread, so that no core reads a page nobody will write while the officer signs in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RawFeedPage } from '../../shared/hub/feed-page';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { readCursor } from '../../src-main/db/sync-cursor';
import { abandonPage, answerPrepareRequest, createPrepareProgress, STEPS } from '../../src-main/ingest/prepare-answer';
import { prepareFeedPageBody } from '../../src-main/ingest/prepare-feed-page';
import { createWorkerPreparer, inThreadPreparer, type LinePreparer } from '../../src-main/ingest/prepare-pool';
import { SyncCancelled } from '../../src-main/sync/hub-errors';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { filedRecord } from '../support/records';
import { tempDir } from '../support/temp-store';
import { reportMix } from './support/report-mix';
import { startSyncHub, type SyncHub } from './support/sync-hub';

const REPORTS = 10;

function pageOf(count: number): string {
  const entries = Array.from({ length: count }, (_, index) => {
    const record = filedRecord();
    return { seq: String(index + 1), type: 'report' as const, reportId: record.reportId, revision: record.revision, record: JSON.stringify(record) };
  });
  return JSON.stringify({ entries, cursor: String(count), hasMore: false } satisfies RawFeedPage);
}

const worker = createWorkerPreparer();
// The support worker waits for the abandonment only on the first page it is asked: the station's test has its own,
// or its page, asked after the first describe's, could be answered before the station abandons it (seen with three
// forks on two cores: the worker read the 5-report page while the calling thread waited for a core).
const AWAITING_WORKER = new URL('./support/abandon-awaiting-worker.ts', import.meta.url);
const awaitingAbandon = createWorkerPreparer(AWAITING_WORKER);
const stationAwaitingAbandon = createWorkerPreparer(AWAITING_WORKER);
afterAll(() => Promise.all([worker.close(), awaitingAbandon.close(), stationAwaitingAbandon.close()]));

describe('a feed page abandoned by its asker', () => {
  it('is read no further than the report where the worker learns it', () => {
    let begun = 0;
    const page = prepareFeedPageBody(pageOf(REPORTS), () => (begun += 1), () => begun >= 3);
    expect(page).toBeNull();
    expect(begun).toBe(3);
    // Its twin, never abandoned: every report is read.
    begun = 0;
    const whole = prepareFeedPageBody(pageOf(REPORTS), () => (begun += 1));
    expect(whole?.ok && whole.prepared).toHaveLength(REPORTS);
    expect(begun).toBe(REPORTS);
  });

  it('is answered as abandoned by the worker when its id is among the abandoned, and only then', () => {
    const progress = createPrepareProgress();
    abandonPage(progress, 7, 0);
    expect(answerPrepareRequest({ id: 7, body: pageOf(REPORTS) }, progress)).toEqual({ id: 7, abandoned: true });
    expect(Atomics.load(progress, STEPS)).toBe(0);
    const other = answerPrepareRequest({ id: 8, body: pageOf(REPORTS) }, progress);
    expect('page' in other && other.page.ok && other.page.prepared).toHaveLength(REPORTS);
  });

  it('on the worker: its asker gets the abandoning reason, not the page', async () => {
    await awaitingAbandon.prepare([]);
    const asker = new AbortController();
    const reason = new SyncCancelled('hold');
    const asked = awaitingAbandon.preparePage(pageOf(REPORTS), () => 50, asker.signal);
    asker.abort(reason);
    await expect(asked).rejects.toBe(reason);
    // The worker goes on with the next page, read whole.
    const next = await awaitingAbandon.preparePage(pageOf(REPORTS), () => 50, new AbortController().signal);
    expect(next.ok && next.prepared).toHaveLength(REPORTS);
  });

  it('on the worker, asked when already abandoned: never sent, rejected at once', async () => {
    await worker.prepare([]);
    const reason = new SyncCancelled('hold');
    await expect(worker.preparePage(pageOf(REPORTS), () => 50, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it('on the calling thread: the rest is not read, and its asker gets the reason', async () => {
    const asker = new AbortController();
    const reason = new SyncCancelled('hold');
    // A slice of 0 ms yields after every report, so the abort comes while the page is being read.
    const asked = inThreadPreparer.preparePage(pageOf(REPORTS), () => 0, asker.signal);
    await new Promise((resolve) => setImmediate(resolve));
    asker.abort(reason);
    await expect(asked).rejects.toBe(reason);
    const whole = await inThreadPreparer.preparePage(pageOf(REPORTS), () => 0);
    expect(whole.ok && whole.prepared).toHaveLength(REPORTS);
  });
});

describe('the station held while its worker prepares a page', () => {
  let hub: SyncHub;
  let hubDir: string;
  /** The reports a station that is never held ends with. */
  async function directSyncCount() {
    const store = hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'direct.db') }));
    await createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, pageSize: 5, firstPageSize: 5, longPollSeconds: 5 }).pullOnce();
    return store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get();
  }
  beforeAll(async () => {
    hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-abandoned-page-'));
    hub = await startSyncHub(hubDir);
    expect((await hub.post(reportMix(12, 5))).rejected).toEqual([]);
  });
  afterAll(async () => {
    await hub?.close();
    rmSync(hubDir, { recursive: true, force: true });
  });

  it('abandons the page on the worker, writes nothing of it, and goes on once released', async () => {
    const expected = await directSyncCount();
    await stationAwaitingAbandon.prepare([]);
    const store = hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') }));
    const outcomes: Array<PromiseSettledResult<unknown>> = [];
    let release: (() => void) | null = null;
    // The engine's preparer as given, watched: the first page it is asked is held the moment it is on the worker.
    const watched: LinePreparer = {
      ...stationAwaitingAbandon,
      preparePage(body, sliceMs, signal) {
        const asked = stationAwaitingAbandon.preparePage(body, sliceMs, signal);
        if (release === null) release = station.hold();
        void asked.then(
          (value) => outcomes.push({ status: 'fulfilled', value }),
          (reason: unknown) => outcomes.push({ status: 'rejected', reason }),
        );
        return asked;
      },
    };
    const station = createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, pageSize: 5, firstPageSize: 5, longPollSeconds: 5, preparer: watched });
    station.start();
    while (outcomes.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(release).not.toBeNull();
    // Rejected with the hold, long before the worker's own wait for an abandonment would have ended.
    const first = outcomes[0]!;
    expect(first.status === 'rejected' && first.reason instanceof SyncCancelled && first.reason.why).toBe('hold');
    expect(store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(0);

    release!();
    while (station.getState().initialSync.active) await new Promise((resolve) => setTimeout(resolve, 10));
    await station.stop();
    expect(expected).toBeGreaterThan(0);
    expect(store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(expected);
    expect(outcomes.slice(1).every((outcome) => outcome.status === 'fulfilled')).toBe(true);
    expect(readCursor(store.sqlite)).not.toBe('0');
  });
});
