/**
 * A feed page is applied in slices, each its own transaction with the cursor at its last entry, and the core's
 * thread answers other calls between them (src-main/ingest/apply-feed-page.ts).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { RawFeedPage } from '../../shared/hub/feed-page';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { readCursor } from '../../src-main/db/sync-cursor';
import { createFeedPageApplier, type SliceBudget } from '../../src-main/ingest/apply-feed-page';
import { createMutationApplier } from '../../src-main/mutations/applier';
import { filedRecord } from '../support/records';
import { tempDir } from '../support/temp-store';

function pageOf(count: number): RawFeedPage {
  const entries = Array.from({ length: count }, (_, index) => {
    const record = filedRecord();
    return { seq: String(index + 1), type: 'report' as const, reportId: record.reportId, revision: record.revision, record: JSON.stringify(record) };
  });
  return { entries, cursor: String(count), hasMore: false };
}

/**
 * The page read and prepared for `store` with a budget of its own: preparing on this thread asks its applier's budget
 * too (a page read before the prepare worker is ready), and these tests count the asks of the apply's slices alone.
 */
const preparedFor = (store: ReturnType<typeof openCaseStore>, page: RawFeedPage) =>
  createFeedPageApplier(store, { clock: systemClock, applier: createMutationApplier(store.sqlite, { clock: systemClock }), sliceMs: 60_000 }).prepare(JSON.stringify(page));

async function applyWatching(sliceMs: SliceBudget) {
  const store = openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') });
  const applier = createMutationApplier(store.sqlite, { clock: systemClock });
  const pages = createFeedPageApplier(store, { clock: systemClock, applier, sliceMs });
  // What another call on the same thread sees while the page is applied.
  const seen: string[] = [];
  let applying = true;
  const watch = () => {
    seen.push(readCursor(store.sqlite));
    if (applying) setImmediate(watch);
  };
  setImmediate(watch);
  const outcome = await pages.apply(await preparedFor(store, pageOf(6)));
  applying = false;
  const reports = store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get();
  return { outcome, seen, reports, cursor: readCursor(store.sqlite) };
}

describe('a feed page in slices', () => {
  it('commits slice by slice, the cursor at each slice’s last entry, and lets other calls in between', async () => {
    // A budget of 0 ms: every entry is a slice of its own.
    const { outcome, seen, reports, cursor } = await applyWatching(0);
    expect(outcome.reports).toBe(6);
    expect(reports).toBe(6);
    expect(cursor).toBe('6');
    // Calls in between saw the cursor move forward entry by entry (each a committed slice).
    const between = [...new Set(seen)].filter((value) => value !== '0' && value !== '6');
    expect(between).toEqual(['1', '2', '3', '4', '5']);
  });

  it('applies the page in one transaction when the budget allows (its twin)', async () => {
    const { seen, reports, cursor } = await applyWatching(60_000);
    expect(reports).toBe(6);
    expect(cursor).toBe('6');
    expect(seen.some((value) => ['1', '2', '3', '4', '5'].includes(value))).toBe(false);
  });

  it('asks the budget before every slice: short while the window asks, then one long slice for the rest', async () => {
    let slices = 0;
    const { seen, reports, cursor } = await applyWatching(() => (++slices <= 2 ? 0 : 60_000));
    expect(reports).toBe(6);
    expect(cursor).toBe('6');
    expect(slices).toBe(3);
    expect([...new Set(seen)].filter((value) => value !== '0' && value !== '6')).toEqual(['1', '2']);
  });

  it('a failure inside a slice leaves the store at the last committed slice; the rest of the page, pulled again, completes it once', async () => {
    const store = openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') });
    const page = pageOf(6);
    let slices = 0;
    // Every entry its own slice; the third fails inside its transaction, as a crash would cut it off.
    const failing = createFeedPageApplier(store, {
      clock: systemClock,
      applier: createMutationApplier(store.sqlite, { clock: systemClock }),
      sliceMs: () => {
        if (++slices === 3) throw new Error('the core stopped');
        return 0;
      },
    });
    await expect(failing.apply(await preparedFor(store, page))).rejects.toThrow('the core stopped');
    const count = () => store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get();
    expect(readCursor(store.sqlite)).toBe('2');
    expect(count()).toBe(2);
    // Started again, the engine asks for what follows its cursor.
    const restarted = createFeedPageApplier(store, { clock: systemClock, applier: createMutationApplier(store.sqlite, { clock: systemClock }), sliceMs: 0 });
    const rest: RawFeedPage = { ...page, entries: page.entries.filter((entry) => Number(entry.seq) > 2) };
    const outcome = await restarted.apply(await restarted.prepare(JSON.stringify(rest)));
    expect(outcome.arrived).toHaveLength(4);
    expect(readCursor(store.sqlite)).toBe('6');
    expect(store.sqlite.prepare('SELECT count(DISTINCT report_id) FROM reports').pluck().get()).toBe(6);
    expect(count()).toBe(6);
  });
});
