/**
 * A transaction's time budget that counts its COMMIT. A slice of a first sync spends about as long committing
 * (writing its pages to the WAL, flushing the text index's segment) as applying its entries, so a budget counted on
 * the entries alone let a 10 ms slice hold the core's thread for 20 ms or more, and the window's calls waited that long.
 * The commit grows with the slice: its share of the entries' time, learnt from the slices before, is kept back.
 */

/** How much each new slice moves the learnt share (the rest is the slices before). */
const SMOOTHING = 0.3;
/** Below this, a slice's entries time says little about its commit's share. */
const SHORTEST_ENTRIES_MS = 0.5;
/** A commit stalled by something else (the disk, another process) must not shrink the budget to nothing. */
const LARGEST_SHARE = 4;

export interface CommitAwareBudget {
  /** How long to apply entries so that they and their commit fit in `sliceMs`. */
  forEntries(sliceMs: number): number;
  /** After a slice: the time its entries took, and its whole time, commit included. */
  observe(entriesMs: number, totalMs: number): void;
}

export function createCommitAwareBudget(): CommitAwareBudget {
  let commitShare: number | null = null;
  return {
    forEntries: (sliceMs) => sliceMs / (1 + (commitShare ?? 0)),
    observe(entriesMs, totalMs) {
      if (entriesMs < SHORTEST_ENTRIES_MS) return;
      const share = Math.min(LARGEST_SHARE, Math.max(0, totalMs - entriesMs) / entriesMs);
      commitShare = commitShare === null ? share : SMOOTHING * share + (1 - SMOOTHING) * commitShare;
    },
  };
}
