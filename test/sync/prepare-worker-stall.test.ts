/**
 * A ready prepare worker that hangs on one request (an endless loop in a pathological record) does not hang the import
 * or the sync (src-main/ingest/prepare-pool.ts): with no record begun and no answer for its stall limit it is ended and
 * started again; the request is asked once more of the fresh worker, never read on the store's thread, and fails
 * naming its line when that one hangs too. The requests queued behind it wait for the fresh worker too: the next batch
 * may hold the same record. A worker that is slow but keeps beginning records is never ended. Stops, restarts and
 * lines read on this (the store's) thread are counted, not timed; the stall limit here is the test's own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { IntakeRecord } from '../../shared/intake/schema';
import { systemClock } from '../../shared/platform/clock';
import type { Logger } from '../../shared/platform/logger';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { readCursor } from '../../src-main/db/sync-cursor';
import { ImportStoppedError, importNdjson } from '../../src-main/ingest/importer';
import { createWorkerPreparer, inThreadPreparer } from '../../src-main/ingest/prepare-pool';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { UnpreparablePageError } from '../../src-main/sync/unpreparable-page';
import { filedRecord, IBANS } from '../support/records';
import { openTempStore, tempDir } from '../support/temp-store';
import { HANGS_ON, HANGS_ONCE_ON, SLOW_ON, SLOW_RECORD_MS } from './support/stalling-prepare-markers';
import { startSyncHub } from './support/sync-hub';

/** Line numbers prepared on this thread (the worker's own prepareLine is not this module's). */
const readHere = vi.hoisted(() => [] as number[]);
vi.mock('../../src-main/ingest/prepare-line', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src-main/ingest/prepare-line')>();
  return {
    ...real,
    prepareLine: (line: Parameters<typeof real.prepareLine>[0]) => {
      readHere.push(line.number);
      return real.prepareLine(line);
    },
  };
});
beforeEach(() => void (readHere.length = 0));

const STALL_MS = 300;
const stalling = new URL('./support/stalling-prepare-worker.ts', import.meta.url);

const narrating = (words: string): IntakeRecord =>
  filedRecord({ suspect: { bankAccounts: [IBANS.muleB] }, incident: { summary: 'Telefoon niet geleverd', narrative: `Betaald via de site; ${words}.` } });
const ordinary = (count: number) => Array.from({ length: count }, () => narrating('een fiets'));
const ndjson = (records: readonly IntakeRecord[]) => Readable.from([Buffer.from(records.map((record) => JSON.stringify(record)).join('\n') + '\n')]);
const storedIds = (store: ReturnType<typeof openTempStore>['store']) => store.sqlite.prepare('SELECT report_id FROM reports ORDER BY report_id').pluck().all();
const idsOf = (records: readonly IntakeRecord[]) => records.map((record) => record.reportId).sort();

function watchedPreparer() {
  const events: Array<{ event: string; error?: unknown }> = [];
  const log = (event: string, fields?: Record<string, unknown>) => void events.push({ event, error: fields?.error });
  const logger: Logger = { info: log, warn: log, error: log };
  const preparer = createWorkerPreparer(stalling, { logger, stallMs: STALL_MS, restartDelayMs: () => 10 });
  onTestFinished(() => preparer.close());
  const stops = () => events.filter(({ event }) => event === 'prepare.worker_stopped').map(({ error }) => error);
  return { preparer, events, stops };
}

describe('a ready prepare worker that hangs on an import batch', () => {
  it('is ended and replaced; hung on again by the fresh worker, the import stops at that line, keeping the batches before it', async () => {
    const { store, writer } = openTempStore();
    const { preparer, stops } = watchedPreparer();
    const before = ordinary(30);
    // Before: the import waited for ever for an answer.
    const stopped = await importNdjson(ndjson([...before, narrating(HANGS_ON), ...ordinary(10)]), writer, { preparer, batchSize: 10 }).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(ImportStoppedError);
    expect((stopped as Error).message).toBe(
      `the import stopped: preparing the record on line 31 made no progress for ${STALL_MS / 1000} s, twice; an intake-report/1 record normally takes milliseconds. ` +
        'Nothing from line 31 on was written; the 30 records before it were (30 new, 0 updated, 0 rejected).',
    );
    // Not read on this thread (which would have hung it): the batches before it, and nothing after.
    expect(storedIds(store)).toEqual(idsOf(before));
    expect(stops()).toEqual(['stalled', 'stalled']);
    expect(readHere).toEqual([]);
  }, 60_000);

  it('the same hanging record in the next batch too, queued behind the first: it is not read on this thread either', async () => {
    const { store, writer } = openTempStore();
    const { preparer, stops } = watchedPreparer();
    const before = ordinary(30);
    // Lines 31 and 41 begin neighbouring batches; the importer hands over the second before the first is answered.
    const records = [...before, narrating(HANGS_ON), ...ordinary(9), narrating(HANGS_ON), ...ordinary(15)];
    const stopped = await importNdjson(ndjson(records), writer, { preparer, batchSize: 10 }).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(ImportStoppedError);
    expect((stopped as Error).message).toContain('preparing the record on line 31 made no progress');
    expect(storedIds(store)).toEqual(idsOf(before));
    expect(stops().slice(0, 2)).toEqual(['stalled', 'stalled']);
    // Before: the batch queued behind the hung one (lines 41–50) was read here, where line 41 would hang this thread.
    expect(readHere).toEqual([]);
  }, 60_000);

  it('a worker that hangs once, not on the record: the request is asked again of the fresh worker and the import is whole', async () => {
    process.env.PREPARE_TEST_HANG_MARK = join(tempDir(), 'hung');
    onTestFinished(() => void delete process.env.PREPARE_TEST_HANG_MARK);
    const { store, writer } = openTempStore();
    const { preparer, events, stops } = watchedPreparer();
    const records = [...ordinary(15), narrating(HANGS_ONCE_ON), ...ordinary(15)];
    const summary = await importNdjson(ndjson(records), writer, { preparer, batchSize: 10 });
    expect(summary).toMatchObject({ read: 31, imported: 31, rejected: [] });
    expect(storedIds(store)).toEqual(idsOf(records));
    expect(stops()).toEqual(['stalled']);
    expect(events.map(({ event }) => event)).toContain('prepare.worker_restarted');
    // The batches queued behind the hung one went to the fresh worker as well (before: read here).
    expect(readHere).toEqual([]);
  }, 60_000);

  it('the honest twin: a batch slow far past the stall limit, but beginning record after record, is never ended', async () => {
    const { store, writer } = openTempStore();
    const { preparer, stops } = watchedPreparer();
    const slow = Array.from({ length: 5 * Math.ceil(STALL_MS / SLOW_RECORD_MS) }, () => narrating(SLOW_ON));
    const summary = await importNdjson(ndjson(slow), writer, { preparer, batchSize: slow.length });
    expect(summary).toMatchObject({ read: slow.length, imported: slow.length, rejected: [] });
    expect(storedIds(store)).toEqual(idsOf(slow));
    expect(stops()).toEqual([]);
  }, 60_000);
});

describe('a ready prepare worker that hangs on a feed page', () => {
  it('fails the sync turn naming the place in the feed, writing nothing; a worker that does not hang pulls the same page whole', async () => {
    const hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-stall-'));
    const hub = await startSyncHub(hubDir);
    const { preparer, stops } = watchedPreparer();
    const stores = [0, 1].map(() => hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'station.db') })));
    onTestFinished(async () => {
      for (const store of stores) store.close();
      await hub.close();
      rmSync(hubDir, { recursive: true, force: true });
    });
    expect((await hub.post([...ordinary(2), narrating(HANGS_ON)])).rejected).toEqual([]);
    // Pages go to the worker once it is ready: an import batch's answer says it is.
    await preparer.prepare([]);

    const stalled = createSyncEngine(stores[0]!, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, preparer });
    // Before: the turn waited for ever for the page.
    await expect(stalled.runOnce()).rejects.toBeInstanceOf(UnpreparablePageError);
    expect(stalled.getState().lastError).toBe(
      `sync failed: the next feed page (after feed entry 0) cannot be read: preparing it made no progress for ${STALL_MS / 1000} s, twice. ` +
        'Nothing after entry 0 was written; sync tries again later. If this stays, tell the hub’s administrator where it is in the feed.',
    );
    expect(stops()).toEqual(['stalled', 'stalled']);
    expect(readCursor(stores[0]!.sqlite)).toBe('0');
    expect(stores[0]!.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(0);

    const honest = createSyncEngine(stores[1]!, { hubUrl: hub.url, token: hub.tokens.workstations[1]!, preparer: inThreadPreparer });
    await honest.runOnce();
    expect(honest.getState().lastError).toBeNull();
    expect(stores[1]!.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(3);
  }, 120_000);
});
