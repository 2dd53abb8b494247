import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../shared/hub/protocol';
import type { IntakeRecord } from '../../shared/intake/schema';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { findPrincipal } from '../../src-hub/auth/tokens';
import { mutations as mutationsTable } from '../../src-hub/db/schema';
import { appendToFeed } from '../../src-hub/feed/append';
import { readFeedPage } from '../../src-hub/feed/read';
import { storeMutations } from '../../src-hub/mutations/store';
import { filedRecord } from '../support/records';
import { BACKENDS, hubClock, startTestHub, type TestHub } from './harness';

const WRITERS = 6;
const BATCHES = 4;
const FRESH_PER_BATCH = 8;
const PUSHERS = 2;
const PUSHES = 5;

const keyOf = (entry: FeedEntry) => (entry.type === 'report' ? `${entry.reportId}@${entry.revision}` : `mutation ${entry.mutation.id}`);

describe.each(BACKENDS)('hub feed under concurrent writers (%s)', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend, { recheckMs: 500 });
  });
  afterAll(() => hub?.close());

  it('skips and repeats nothing while many intake posts and pushes commit in parallel with readers', async () => {
    const shared = Array.from({ length: 5 }, () => filedRecord());
    const expected = new Set<string>();
    const writers = Array.from({ length: WRITERS }, () =>
      Array.from({ length: BATCHES }, (_, batch) => {
        const fresh = Array.from({ length: FRESH_PER_BATCH }, () => filedRecord());
        // Every writer also posts the same revisions of the shared reports: they collide on the same rows.
        const revisions: IntakeRecord[] = shared.map((record) => ({ ...record, revision: batch + 1, receivedAt: `2026-05-0${batch + 1}T10:00:00Z` }));
        for (const record of [...fresh, ...revisions]) expected.add(`${record.reportId}@${record.revision}`);
        return [...fresh, ...revisions];
      }),
    );
    const pushers = Array.from({ length: PUSHERS }, () =>
      Array.from({ length: PUSHES }, () =>
        Array.from(
          { length: 4 },
          (): AnyMutation => ({ id: randomUUID(), kind: 'report.setWorkStatus', officer: 'agent.jansen', at: '2026-11-01T10:00:00Z', payload: { reportId: shared[0]!.reportId, status: 'in_progress' } }),
        ),
      ),
    );
    for (const pushes of pushers) for (const mutations of pushes) for (const mutation of mutations) expected.add(`mutation ${mutation.id}`);

    let writing = true;
    const read = async (query: (cursor: string) => string) => {
      const seen: FeedEntry[] = [];
      let cursor = '0';
      for (;;) {
        const done = !writing;
        const page = await hub.readFeed(query(cursor));
        seen.push(...page.entries);
        cursor = page.cursor;
        if (done && !page.hasMore) return seen;
      }
    };
    const pager = read((cursor) => `after=${cursor}&limit=7`);
    const longPoller = read((cursor) => `after=${cursor}&limit=50&wait=1`);

    await Promise.all([
      ...writers.map(async (batches) => {
        for (const records of batches) {
          const summary = await hub.postNdjson(records);
          expect(summary.rejected).toEqual([]);
        }
      }),
      ...pushers.map(async (pushes) => {
        for (const mutations of pushes) {
          const result = await hub.push(mutations);
          expect(result.status).toBe(200);
        }
      }),
    ]);
    writing = false;

    for (const seen of await Promise.all([pager, longPoller])) {
      const keys = seen.map(keyOf);
      expect(new Set(keys).size, 'nothing repeated').toBe(keys.length);
      expect(new Set(keys), 'nothing skipped, nothing extra').toEqual(expected);
      const seqs = seen.map((entry) => BigInt(entry.seq));
      expect(seqs.every((seq, index) => index === 0 || seq > seqs[index - 1]!)).toBe(true);
    }
    const final = await hub.readAll({ limit: 1000 });
    expect(final.map(keyOf).sort()).toEqual([...expected].sort());
  });

  it('lets no higher seq commit while a transaction holding a lower one is open (feed lock)', async () => {
    const { db } = hub.database;
    const principal = (await findPrincipal(db, hub.workstationToken))!;
    const mutation = (): AnyMutation => ({ id: randomUUID(), kind: 'report.setWorkStatus', officer: 'agent.smit', at: '2026-11-01T10:00:00Z', payload: { reportId: 'IA-2026-0000001', status: 'closed' } });
    // Signed before the slow transaction starts: on PGlite it holds the one connection.
    const [first, second] = (await hub.sign([mutation(), mutation()])) as [AnyMutation, AnyMutation];

    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let appended: () => void = () => undefined;
    const appendedNow = new Promise<void>((resolve) => (appended = resolve));
    let lowSeq = 0n;
    const slow = db.transaction(async (tx) => {
      await tx.insert(mutationsTable).values({ id: first.id, kind: first.kind, officer: first.officer, at: first.at, payload: first.payload, basis: null, tokenId: principal.tokenId, receivedAt: '2026-11-01T10:00:00Z' });
      const [seq] = await appendToFeed(tx, [{ type: 'mutation', mutationId: first.id, regions: null }]);
      lowSeq = seq!;
      appended();
      await held;
    });
    await appendedNow;

    let fastDone = false;
    const fast = storeMutations(db, [{ mutation: second, signed: second }], { clock: hubClock(), tokenId: principal.tokenId, sessionId: null, pusher: { officerId: null, via: 'token' }, pushedBy: principal.name }).then((acks) => {
      fastDone = true;
      return acks;
    });
    const reader = readFeedPage(db, { after: lowSeq - 1n, limit: 1000, scope: '*' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(fastDone, 'the second writer waits for the feed lock').toBe(false);
    release();
    await slow;
    const [ack] = await fast;
    expect(BigInt(ack!.seq)).toBeGreaterThan(lowSeq);
    const ids = (await reader).entries.flatMap((entry) => (entry.type === 'mutation' ? [entry.mutation.id] : []));
    if (ids.includes(second.id)) expect(ids).toContain(first.id);
  });
});
