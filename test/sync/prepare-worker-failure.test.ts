/**
 * A prepare worker that fails never stops the sync (src-main/ingest/prepare-pool.ts): a page it cannot read is read
 * on the store's thread instead (unless it is too large to read there: then it fails, to be tried again), and a worker that died is started again while pages are read there meanwhile. The
 * store ends exactly as one that read every page on its own thread: no entry lost, none applied twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IntakeRecord } from '../../shared/intake/schema';
import { systemClock } from '../../shared/platform/clock';
import type { Logger } from '../../shared/platform/logger';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { createWorkerPreparer, inThreadPreparer, IN_THREAD_PAGE_BYTES, PreparePageFailedError, type LinePreparer } from '../../src-main/ingest/prepare-pool';
import { FEED_SLICE_MS } from '../../src-main/ingest/apply-feed-page';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { filedRecord, IBANS } from '../support/records';
import { tempDir } from '../support/temp-store';
import { EXITS_ON, THROWS_ON } from './support/faulty-prepare-markers';
import { reportMix } from './support/report-mix';
import { reportView } from './support/store-views';
import { startSyncHub, type SyncHub } from './support/sync-hub';

let hub: SyncHub;
let hubDir: string;
beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-prepare-failure-'));
  hub = await startSyncHub(hubDir);
});
afterAll(async () => {
  await hub?.close();
  rmSync(hubDir, { recursive: true, force: true });
});

const narrating = (words: string): IntakeRecord =>
  filedRecord({ suspect: { bankAccounts: [IBANS.muleB] }, incident: { summary: 'Telefoon niet geleverd', narrative: `Betaald via de site; ${words}.` } });

function workstation(preparer: LinePreparer, token: string) {
  const store = hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') }));
  const engine = createSyncEngine(store, { hubUrl: hub.url, token, pageSize: 7, preparer });
  const skipped = () => store.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'sync.entry_skipped'").pluck().get();
  return { store, engine, skipped };
}

describe('a prepare worker that fails while pulling the feed', () => {
  it('throws on one page and exits on another: the sync goes on, and the store is what reading every page here gives', async () => {
    const events: string[] = [];
    const collect = (event: string) => void events.push(event);
    const logger: Logger = { info: collect, warn: collect, error: collect };
    const faulty = createWorkerPreparer(new URL('./support/faulty-prepare-worker.ts', import.meta.url), { logger, restartDelayMs: () => 50 });
    try {
      const mix = reportMix(30, 23);
      const posted = [...mix.slice(0, 10), narrating(THROWS_ON), ...mix.slice(10, 20), narrating(EXITS_ON), ...mix.slice(20)];
      expect((await hub.post(posted)).rejected).toEqual([]);
      // Pages go to the worker once it is ready; lines always do, so its first answer says it is.
      await faulty.prepare([]);

      const pulled = workstation(faulty, hub.tokens.workstations[0]!);
      const honest = workstation(inThreadPreparer, hub.tokens.workstations[1]!);
      await pulled.engine.runOnce();
      await honest.engine.runOnce();
      expect(events).toContain('prepare.read_in_thread');
      expect(events).toContain('prepare.worker_stopped');
      expect(reportView(pulled.store.sqlite)).toEqual(reportView(honest.store.sqlite));
      expect(pulled.skipped()).toBe(honest.skipped());
      expect(pulled.engine.getState()).toMatchObject({ lastError: null, cursor: honest.engine.getState().cursor });
      const reports = pulled.store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get();
      expect(reports).toBe(new Set(posted.map((record) => record.reportId)).size);

      // The worker is started again, and takes pages again: the next one it cannot read is told as before.
      await expect.poll(() => events.includes('prepare.worker_restarted'), { timeout: 60_000, interval: 100 }).toBe(true);
      expect((await hub.post([narrating(THROWS_ON)])).rejected).toEqual([]);
      await pulled.engine.runOnce();
      await honest.engine.runOnce();
      expect(events.filter((event) => event === 'prepare.read_in_thread')).toHaveLength(2);
      expect(reportView(pulled.store.sqlite)).toEqual(reportView(honest.store.sqlite));
      pulled.store.close();
      honest.store.close();
    } finally {
      await faulty.close();
    }
  }, 120_000);

  it('reads import batches on the calling thread while the worker is down, the same as the worker would', async () => {
    const faulty = createWorkerPreparer(new URL('./support/faulty-prepare-worker.ts', import.meta.url), { restartDelayMs: () => 60_000 });
    try {
      const lines = [narrating('een fiets'), narrating('een laptop')].map((record, index) => ({ number: index + 1, text: JSON.stringify(record), tooLong: false, bytes: 0 }));
      const viaWorker = await faulty.prepare(lines);
      // A page that ends the worker; it is read here instead, and so is everything until the worker is back.
      const ending = narrating(EXITS_ON);
      const entry = { seq: '1', type: 'report', reportId: ending.reportId, revision: 1, record: JSON.stringify(ending) };
      const page = await faulty.preparePage(JSON.stringify({ entries: [entry], cursor: '1', hasMore: false }), () => FEED_SLICE_MS);
      expect(page).toMatchObject({ ok: true, prepared: [{ ok: true }] });
      const whileDown = await faulty.prepare(lines);
      const strip = (prepared: typeof viaWorker) => prepared.map((line) => (line.ok === true ? { line: line.line, record: line.input.record, mentions: line.input.mentions } : line));
      expect(strip(whileDown)).toEqual(strip(viaWorker));
      expect(strip(whileDown)).toEqual(strip(await inThreadPreparer.prepare(lines)));
    } finally {
      await faulty.close();
    }
  }, 60_000);

  it('fails a page too large to read here when the worker throws on it, instead of reading it on this thread', async () => {
    const faulty = createWorkerPreparer(new URL('./support/faulty-prepare-worker.ts', import.meta.url), { restartDelayMs: () => 60_000 });
    try {
      await faulty.prepare([]);
      const largePage = (words: string) => {
        const record = { ...narrating(words), evidence: 'x'.repeat(IN_THREAD_PAGE_BYTES) };
        const entry = { seq: '1', type: 'report', reportId: record.reportId, revision: 1, record: JSON.stringify(record) };
        return JSON.stringify({ entries: [entry], cursor: '1', hasMore: false });
      };
      // The honest twin: the same worker reads a large page it does not throw on.
      await expect(faulty.preparePage(largePage('een fiets'), () => FEED_SLICE_MS)).resolves.toMatchObject({ ok: true, prepared: [{ ok: true }] });
      // Before: the page was read on this thread, outside the worker's heap limit.
      const failure = faulty.preparePage(largePage(THROWS_ON), () => FEED_SLICE_MS);
      await expect(failure).rejects.toBeInstanceOf(PreparePageFailedError);
      await expect(failure).rejects.toThrow('(TypeError)');
    } finally {
      await faulty.close();
    }
  }, 60_000);
});
