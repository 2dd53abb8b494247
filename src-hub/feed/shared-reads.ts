/**
 * Many workstations sit at the head of the feed; one commit wakes all their long-polls at once, and each would
 * read the same page. Identical reads at the same notifier version share one query — while it runs and after it
 * answered, until the next notification: a read is joined only when it began at the version the joiner holds,
 * so everything committed before the joiner's version is visible to the shared query too, and whatever is
 * committed later moves the version on (no wake-up is slept through).
 */
import type { FeedNotifier } from './notifier';
import type { FeedQuery } from './read';

/** Distinct reads kept for one version at most (workstations at different cursors and scopes). */
const MAX_SHARED_READS = 1000;

/** Reads a page (or a page and its serialized answer: sharing that too spares serializing it per reader). */
export type FeedPageReader<Page> = (query: FeedQuery) => Promise<Page>;

export function shareFeedReads<Page>(
  read: FeedPageReader<Page>,
  notifier: Pick<FeedNotifier, 'version'>,
): (query: FeedQuery, version: number) => Promise<Page> {
  let readsVersion = notifier.version;
  const reads = new Map<string, Promise<Page>>();
  return (query, version) => {
    // The notifier's version moves on with every commit: a read from an older version must not be joined.
    if (version !== notifier.version) return read(query);
    if (readsVersion !== version || reads.size >= MAX_SHARED_READS) {
      reads.clear();
      readsVersion = version;
    }
    const key = `${query.after}|${query.limit}|${query.scope === '*' ? '*' : query.scope.join('\u0000')}`;
    const shared = reads.get(key);
    if (shared) return shared;
    const started = read(query);
    // A failed read is not shared beyond the readers already waiting for it.
    started.catch(() => reads.get(key) === started && reads.delete(key));
    reads.set(key, started);
    return started;
  };
}
