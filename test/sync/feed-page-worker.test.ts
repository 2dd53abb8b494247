/**
 * A pulled page is read on the prepare worker — the hub's answer parsed, its envelope checked, its reports parsed,
 * validated and their indicators extracted — so the store's thread only writes (src-main/ingest/prepare-feed-page.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { UnreadableFeedPage, type RawFeedPage } from '../../shared/hub/feed-page';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { readCursor } from '../../src-main/db/sync-cursor';
import { createFeedPageApplier } from '../../src-main/ingest/apply-feed-page';
import { createWorkerPreparer, inThreadPreparer, type LinePreparer } from '../../src-main/ingest/prepare-pool';
import { createMutationApplier } from '../../src-main/mutations/applier';
import { filedRecord, IBANS } from '../support/records';
import { tempDir } from '../support/temp-store';

const worker = createWorkerPreparer();
const neverReady = createWorkerPreparer(new URL('./support/never-ready-worker.ts', import.meta.url));
afterAll(() => Promise.all([worker.close(), neverReady.close()]));

function pagesWith(preparer: LinePreparer) {
  const store = openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') });
  const applier = createMutationApplier(store.sqlite, { clock: systemClock });
  return { store, pages: createFeedPageApplier(store, { clock: systemClock, applier, preparer }) };
}

const reportEntry = (seq: number, record: object & { reportId: string; revision: number }) => ({
  seq: String(seq),
  type: 'report' as const,
  reportId: record.reportId,
  revision: record.revision,
  record: JSON.stringify(record),
});

function mixedPage(): RawFeedPage {
  const first = filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } });
  const second = filedRecord({ suspect: { bankAccounts: [IBANS.muleA], phoneNumbers: ['06-12345678'] } });
  const broken = { ...filedRecord(), receivedAt: 'yesterday' };
  return { entries: [reportEntry(7, first), reportEntry(8, broken), reportEntry(9, second)], cursor: '9', hasMore: false };
}

const snapshot = (store: ReturnType<typeof pagesWith>['store']) => ({
  cursor: readCursor(store.sqlite),
  reports: store.sqlite.prepare('SELECT report_id, status, cluster_id IS NOT NULL AS clustered FROM reports ORDER BY report_id').all(),
  mentions: store.sqlite.prepare('SELECT count(*) FROM mentions').pluck().get(),
  skipped: store.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'sync.entry_skipped'").pluck().all(),
});

describe('a pulled feed page read on the prepare worker', () => {
  it('writes the same reports, links, skipped entries and cursor as a page read on the store’s thread', async () => {
    // Lines always go to the worker: once it has answered a batch it is ready, and takes pages too.
    await worker.prepare([]);
    const page = JSON.stringify(mixedPage());
    const viaWorker = pagesWith(worker);
    const inThread = pagesWith(inThreadPreparer);
    const outcome = await viaWorker.pages.apply(await viaWorker.pages.prepare(page));
    expect(outcome).toMatchObject({ reports: 2, skipped: 1 });
    await inThread.pages.apply(await inThread.pages.prepare(page));
    const written = snapshot(viaWorker.store);
    expect(written).toEqual(snapshot(inThread.store));
    expect(written.cursor).toBe('9');
    // The two reports share an IBAN: linked, as an imported pair would be.
    expect(written.reports).toHaveLength(2);
    expect(written.reports.every((row) => (row as { clustered: number }).clustered === 1)).toBe(true);
    expect(written.skipped).toHaveLength(1);
  });

  it('is read on the calling thread while the worker has not started yet, instead of waiting for it', async () => {
    const page = JSON.stringify(mixedPage());
    const early = pagesWith(neverReady);
    const inThread = pagesWith(inThreadPreparer);
    // With a page sent to a worker that is still starting, this would wait until the test's timeout.
    await early.pages.apply(await early.pages.prepare(page));
    await inThread.pages.apply(await inThread.pages.prepare(page));
    expect(snapshot(early.store)).toEqual(snapshot(inThread.store));
    expect(readCursor(early.store.sqlite)).toBe('9');
  });

  /** Turns of the event loop — where the window's calls are answered — while `work` runs; counted, not timed. */
  async function turnsDuring(work: () => Promise<unknown>): Promise<{ turns: number; result: unknown }> {
    let turns = 0;
    let done = false;
    const turn = () => {
      if (done) return;
      turns += 1;
      setImmediate(turn);
    };
    setImmediate(turn);
    const result = await work();
    done = true;
    return { turns, result };
  }

  const pageOf = (count: number) =>
    JSON.stringify({ entries: Array.from({ length: count }, (_, index) => reportEntry(index + 1, filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } }))), cursor: String(count), hasMore: true });

  it('lets the window’s calls through between slices while it reads a page on the calling thread', async () => {
    const page = pageOf(40);
    // A budget used up at once: a turn of the event loop after the envelope and before each report.
    const sliced = await turnsDuring(() => neverReady.preparePage(page, () => 0));
    expect(sliced.turns).toBeGreaterThanOrEqual(40);
    // Its honest twin: with time to spare the page is read in one go, and it reads the same.
    const whole = await turnsDuring(() => neverReady.preparePage(page, () => Number.POSITIVE_INFINITY));
    expect(whole.turns).toBe(0);
    const lines = (prepared: unknown) => (prepared as { prepared: Array<{ line: number; ok: boolean; input: { row: unknown; mentions: unknown } }> }).prepared.map((line) => ({ line: line.line, ok: line.ok, row: line.input.row, mentions: line.input.mentions }));
    expect(lines(sliced.result)).toEqual(lines(whole.result));
    expect(lines(sliced.result)).toHaveLength(40);
  });

  it.each([
    ['not JSON', '{"entries": [', 'the hub sent an answer that is not JSON'],
    ['no feed page', JSON.stringify({ entries: 'none', cursor: '3', hasMore: false }), 'the hub sent a malformed feed page'],
    ['out of order', JSON.stringify({ ...mixedPage(), entries: [...mixedPage().entries].reverse() }), 'the hub sent a feed page out of order'],
  ])('refuses an answer that is %s, and nothing of it is written', async (_case, body, problem) => {
    const { store, pages } = pagesWith(worker);
    const refused = pages.prepare(body);
    await expect(refused).rejects.toBeInstanceOf(UnreadableFeedPage);
    await expect(refused).rejects.toThrow(problem);
    expect(readCursor(store.sqlite)).toBe('0');
    expect(store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(0);
  });
});
