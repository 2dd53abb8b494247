/**
 * Many workstations sit at the head of the feed; one commit wakes all their long-polls at once, and each would
 * read the same page. Identical reads that start while no notification has arrived in between share one query:
 * a read is joined only when it began at the notifier version the joiner holds, so everything committed before
 * the joiner's version is visible to the shared query too (no wake-up is slept through).
 */
import type { FeedPage } from '../../shared/hub/protocol';
import type { FeedNotifier } from './notifier';
import type { FeedQuery } from './read';

export type FeedPageReader = (query: FeedQuery) => Promise<FeedPage>;

export function shareFeedReads(read: FeedPageReader, notifier: Pick<FeedNotifier, 'version'>): (query: FeedQuery, version: number) => Promise<FeedPage> {
  const inFlight = new Map<string, Promise<FeedPage>>();
  return (query, version) => {
    // The notifier's version moves on with every commit: a read from an older version must not be joined.
    if (version !== notifier.version) return read(query);
    const key = `${version}|${query.after}|${query.limit}|${query.scope === '*' ? '*' : query.scope.join('\u0000')}`;
    const running = inFlight.get(key);
    if (running) return running;
    const started = read(query).finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
}
