/**
 * How many reports the next slice of a retention run takes, so that a slice holds the store about as long as its
 * budget says: from the last slice's time per report. What a report costs varies (the text index's delete, the
 * cluster it leaves, the quotes it leaves), so each slice measures again; the first is a small probe, and a slice
 * grows at most fourfold at a time, since a cheap slice (reports in no cluster) says little about the next.
 */
const FIRST_SLICE = 100;
const MOST_GROWTH = 4;
/** Beyond this a slice's one transaction only grows the WAL. */
const LARGEST_SLICE = 20_000;

export interface SliceSizer {
  /** Reports the next slice takes. */
  next(): number;
  /** What the last slice took: its reports and how long it held the store. */
  took(reports: number, ms: number): void;
}

export function sliceSizerByTime(budgetMs: number): SliceSizer {
  let size = FIRST_SLICE;
  return {
    next: () => size,
    took(reports, ms) {
      if (reports === 0) return;
      const fitting = Math.floor((reports * budgetMs) / Math.max(ms, 1));
      size = Math.max(1, Math.min(LARGEST_SLICE, reports * MOST_GROWTH, fitting));
    },
  };
}

/** Slices of one size whatever they take (tests that need to know where a run pauses). */
export function sliceSizerByCount(reports: number): SliceSizer {
  return { next: () => reports, took: () => undefined };
}
