import { describe, expect, it } from 'vitest';
import type { FeedPage } from '../../shared/hub/protocol';
import type { FeedQuery } from '../../src-hub/feed/read';
import { shareFeedReads } from '../../src-hub/feed/shared-reads';

function countingReader() {
  const started: FeedQuery[] = [];
  const pending: Array<(page: FeedPage) => void> = [];
  const read = (query: FeedQuery) => {
    started.push(query);
    return new Promise<FeedPage>((resolve) => pending.push(resolve));
  };
  const answerAll = () => pending.splice(0).forEach((resolve, index) => resolve({ entries: [], cursor: String(index), hasMore: false }));
  return { read, started, answerAll };
}

const query = (after: bigint, scope: FeedQuery['scope'] = '*'): FeedQuery => ({ after, limit: 100, scope });

describe('shared feed reads', () => {
  it('let identical reads at the same notifier version share one query', async () => {
    const reader = countingReader();
    const notifier = { version: 7 };
    const read = shareFeedReads(reader.read, notifier);
    const pages = [read(query(10n), 7), read(query(10n), 7), read(query(10n), 7)];
    expect(reader.started).toHaveLength(1);
    reader.answerAll();
    const [a, b, c] = await Promise.all(pages);
    expect(a).toBe(b);
    expect(b).toBe(c);
  });

  it('never join a read that began before a newer commit was announced', async () => {
    const reader = countingReader();
    const notifier = { version: 7 };
    const read = shareFeedReads(reader.read, notifier);
    const first = read(query(10n), 7);
    notifier.version = 8;
    const second = read(query(10n), 8);
    // A reader still holding the old version reads on its own: it may have seen the announcement already.
    const stale = read(query(10n), 7);
    expect(reader.started).toHaveLength(3);
    reader.answerAll();
    await Promise.all([first, second, stale]);
  });

  it('keep reads of other cursors, limits or scopes apart', async () => {
    const reader = countingReader();
    const notifier = { version: 1 };
    const read = shareFeedReads(reader.read, notifier);
    const pages = [read(query(10n), 1), read(query(11n), 1), read(query(10n, ['Utrecht']), 1), read({ ...query(10n), limit: 5 }, 1)];
    expect(reader.started).toHaveLength(4);
    reader.answerAll();
    await Promise.all(pages);
  });

  it('answer a later identical read from the answered one until the next notification, then read again', async () => {
    const reader = countingReader();
    const notifier = { version: 1 };
    const read = shareFeedReads(reader.read, notifier);
    const first = read(query(10n), 1);
    reader.answerAll();
    const answered = await first;
    expect(await read(query(10n), 1)).toBe(answered);
    expect(reader.started).toHaveLength(1);
    notifier.version = 2;
    const again = read(query(10n), 2);
    expect(reader.started).toHaveLength(2);
    reader.answerAll();
    expect(await again).not.toBe(answered);
  });

  it('never share a failed read with readers that come after it', async () => {
    let fail = true;
    const page: FeedPage = { entries: [], cursor: '10', hasMore: false };
    const read = shareFeedReads(() => (fail ? Promise.reject(new Error('connection lost')) : Promise.resolve(page)), { version: 1 });
    await expect(read(query(10n), 1)).rejects.toThrow('connection lost');
    fail = false;
    await expect(read(query(10n), 1)).resolves.toMatchObject({ cursor: '10' });
  });
});
