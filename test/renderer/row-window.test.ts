import { describe, expect, it } from 'vitest';
import { MAX_PAGES, MAX_RUN_PAGES, PAGE_SIZE, missingPageRuns, prunePages, rowAt, splitIntoPages } from '../../src-renderer/features/queue/row-window';

describe('row window', () => {
  it('groups missing pages into runs, skipping loaded and pending ones', () => {
    const pages = { 1: ['x'] };
    expect(missingPageRuns(pages, new Set([3]), 0, 5 * PAGE_SIZE)).toEqual([
      { firstPage: 0, pageCount: 1 },
      { firstPage: 2, pageCount: 1 },
      { firstPage: 4, pageCount: 2 },
    ]);
  });

  it('never asks more than MAX_RUN_PAGES pages in one run', () => {
    const runs = missingPageRuns({}, new Set(), 0, 12 * PAGE_SIZE - 1);
    expect(runs.map((run) => run.pageCount)).toEqual([MAX_RUN_PAGES, MAX_RUN_PAGES, 12 - 2 * MAX_RUN_PAGES]);
  });

  it('splits fetched rows back into pages and finds rows by index', () => {
    const rows = Array.from({ length: 250 }, (_, index) => index);
    const pages = splitIntoPages(3, rows);
    expect(Object.keys(pages)).toEqual(['3', '4', '5']);
    expect(rowAt(pages, 3 * PAGE_SIZE + 120)).toBe(120);
  });

  it('forgets the pages farthest from the view', () => {
    const pages = Object.fromEntries(Array.from({ length: MAX_PAGES + 10 }, (_, page) => [page, [page]]));
    const kept = prunePages(pages, 0);
    expect(Object.keys(kept)).toHaveLength(MAX_PAGES);
    expect(kept[MAX_PAGES + 9]).toBeUndefined();
    expect(kept[0]).toEqual([0]);
  });
});
