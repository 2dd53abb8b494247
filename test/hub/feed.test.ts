import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedPage, HubErrorBody } from '../../shared/hub/protocol';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { silentLogger } from '../../shared/platform/logger';
import { createHubServer } from '../../src-hub/server';
import { filedRecord, withdrawal } from '../support/records';
import { BACKENDS, hubClock, reportKeys, startTestHub, type TestHub } from './harness';

const assign = (reportId: string): AnyMutation => ({
  id: randomUUID(),
  kind: 'report.assign',
  officer: 'agent.de.vries',
  at: '2026-11-01T10:00:00Z',
  payload: { reportId, assignee: 'agent.de.vries' },
});

describe.each(BACKENDS)('hub feed (%s)', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend, { recheckMs: 5000 });
  });
  afterAll(() => hub?.close());

  it('pages in order from a cursor, and the same cursor gives the same page again', async () => {
    const records = Array.from({ length: 25 }, () => filedRecord());
    await hub.postNdjson(records.slice(0, 12));
    await hub.postNdjson(records.slice(12));
    const start = await hub.readFeed('limit=1');
    const origin = BigInt(start.entries[0]!.seq) - 1n;

    const first = await hub.readFeed(`after=${origin}&limit=10`);
    expect(first.entries).toHaveLength(10);
    expect(first.hasMore).toBe(true);
    expect(first.cursor).toBe(first.entries[9]!.seq);
    const second = await hub.readFeed(`after=${first.cursor}&limit=10`);
    const again = await hub.readFeed(`after=${first.cursor}&limit=10`);
    expect(again).toEqual(second);
    const third = await hub.readFeed(`after=${second.cursor}&limit=10`);
    expect(third.entries).toHaveLength(5);
    expect(third.hasMore).toBe(false);
    const empty = await hub.readFeed(`after=${third.cursor}&limit=10`);
    expect(empty).toEqual({ entries: [], cursor: third.cursor, hasMore: false });

    const all = [...first.entries, ...second.entries, ...third.entries];
    expect(reportKeys(all)).toEqual(records.map((record) => `${record.reportId}@1`));
    const seqs = all.map((entry) => BigInt(entry.seq));
    expect(seqs.every((seq, index) => index === 0 || seq > seqs[index - 1]!)).toBe(true);
  });

  it.each([
    ['after=abc', /after must be a cursor/],
    ['after=-1', /after must be a cursor/],
    ['after=99999999999999999999', /after must be a cursor/],
    ['after=1&after=2', /after must be given once/],
    ['limit=0', /limit must be between 1 and 1000/],
    ['limit=1001', /limit must be between 1 and 1000/],
    ['limit=ten', /limit must be a whole number/],
    ['wait=-1', /wait must be a whole number/],
    ['wait=1.5', /wait must be a whole number/],
    ['scope=Oost,,West', /none of them empty/],
    ['scope=*,Oost', /stands alone/],
  ])('answers a bad query %s with 400', async (query, message) => {
    const result = await hub.request<HubErrorBody | FeedPage>(`/v1/feed?${query}`, { token: hub.workstationToken });
    expect(result.status).toBe(400);
    expect((result.body as HubErrorBody).error.code).toBe('BAD_INPUT');
    expect((result.body as HubErrorBody).error.message).toMatch(message);
  });

  it('delivers reports by region: to their region and to *, those without region to * only; mutations to all', async () => {
    const north = filedRecord({ region: 'Noord-Nederland' });
    const east = filedRecord({ region: 'Oost-Nederland' });
    const nowhere = filedRecord({ region: undefined });
    await hub.postNdjson([north, east, nowhere]);
    const mutation = assign(north.reportId);
    const push = await hub.push([mutation]);
    expect(push.status).toBe(200);

    const northToken = await hub.token('workstation', 'noord', 'Noord-Nederland');
    const bothToken = await hub.token('workstation', 'noord-oost', 'Noord-Nederland,Oost-Nederland');
    const mine = (keys: string[]) => keys.filter((key) => [north, east, nowhere].some((record) => key.startsWith(record.reportId)));

    const northFeed = await hub.readAll({ token: northToken });
    expect(mine(reportKeys(northFeed))).toEqual([`${north.reportId}@1`]);
    expect(northFeed.some((entry) => entry.type === 'mutation' && entry.mutation.id === mutation.id)).toBe(true);
    expect(mine(reportKeys(await hub.readAll({ token: bothToken })))).toEqual([`${north.reportId}@1`, `${east.reportId}@1`]);
    expect(mine(reportKeys(await hub.readAll({ token: bothToken, scope: 'Oost-Nederland' })))).toEqual([`${east.reportId}@1`]);
    expect(mine(reportKeys(await hub.readAll()))).toEqual([`${north.reportId}@1`, `${east.reportId}@1`, `${nowhere.reportId}@1`]);
    expect(mine(reportKeys(await hub.readAll({ scope: 'Oost-Nederland' })))).toEqual([`${east.reportId}@1`]);

    expect(mine(reportKeys(await hub.readAll({ token: northToken, scope: '' })))).toEqual([`${north.reportId}@1`]);
    const wider = await hub.request<HubErrorBody>('/v1/feed?scope=*', { token: northToken });
    expect(wider.status).toBe(403);
    const other = await hub.request<HubErrorBody>('/v1/feed?scope=Oost-Nederland', { token: northToken });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/Oost-Nederland/);
  });

  it('sends a withdrawal without region to the regions its report named, whatever the order of arrival', async () => {
    const inOrder = filedRecord({ region: 'Zeeland-West-Brabant' });
    const reversed = filedRecord({ region: 'Zeeland-West-Brabant' });
    await hub.postNdjson([inOrder, withdrawal(inOrder, 2)]);
    await hub.postNdjson([withdrawal(reversed, 2)]);
    await hub.postNdjson([reversed]);
    const regional = await hub.token('workstation', 'zwb', 'Zeeland-West-Brabant');
    const keys = reportKeys(await hub.readAll({ token: regional }));
    expect(keys).toEqual([`${inOrder.reportId}@1`, `${inOrder.reportId}@2`, `${reversed.reportId}@2`, `${reversed.reportId}@1`]);
    // `*` received the withdrawal when it arrived and gets no second copy.
    const everything = reportKeys(await hub.readAll()).filter((key) => key.startsWith(reversed.reportId));
    expect(everything).toEqual([`${reversed.reportId}@2`, `${reversed.reportId}@1`]);
  });

  it('long-polls: a report posted while a reader waits reaches it within 2 s', async () => {
    const tail = await hub.readAll({ limit: 1000 });
    const cursor = tail[tail.length - 1]!.seq;
    const started = Date.now();
    const waiting = hub.readFeed(`after=${cursor}&wait=20`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const record = filedRecord();
    const postedAt = Date.now();
    await hub.postNdjson([record]);
    const page = await waiting;
    const deliveredAfter = Date.now() - postedAt;
    expect(reportKeys(page.entries)).toEqual([`${record.reportId}@1`]);
    expect(deliveredAfter).toBeLessThan(2000);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('long-polls until the wait ends when nothing arrives, then answers an empty page', async () => {
    const tail = await hub.readAll({ limit: 1000 });
    const cursor = tail[tail.length - 1]!.seq;
    const started = Date.now();
    const page = await hub.readFeed(`after=${cursor}&wait=1`);
    expect(page).toEqual({ entries: [], cursor, hasMore: false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('wakes a long-poll that waits out of scope only for entries in its scope', async () => {
    const tail = await hub.readAll({ limit: 1000 });
    const cursor = tail[tail.length - 1]!.seq;
    const regional = await hub.token('workstation', 'limburg', 'Limburg');
    const waiting = hub.readFeed(`after=${cursor}&wait=20`, regional);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await hub.postNdjson([filedRecord({ region: 'Amsterdam' })]);
    const mine = filedRecord({ region: 'Limburg' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await hub.postNdjson([mine]);
    expect(reportKeys((await waiting).entries)).toEqual([`${mine.reportId}@1`]);
  });

  it('answers pending long-polls at once when it stops', async () => {
    const tail = await hub.readAll({ limit: 1000 });
    const cursor = tail[tail.length - 1]?.seq ?? '0';
    const other = await secondHub(hub, 60_000);
    const pending = other.readFeed(`after=${cursor}&wait=30`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stopping = Date.now();
    await other.app.close();
    const { status, page } = await pending;
    expect(status).toBe(200);
    expect(page).toEqual({ entries: [], cursor, hasMore: false });
    expect(Date.now() - stopping).toBeLessThan(2000);
  });
});

/** A second hub process over the same database, sharing the connection (as far as the feed is concerned, the same). */
async function secondHub(hub: TestHub, recheckMs: number) {
  const app = createHubServer({ database: hub.database, clock: hubClock(), logger: silentLogger, recheckMs });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const readFeed = async (query: string) => {
    const response = await fetch(`${url}/v1/feed?${query}`, { headers: { authorization: `Bearer ${hub.workstationToken}` } });
    return { status: response.status, page: (await response.json()) as FeedPage };
  };
  return { app, url, readFeed };
}

describe('hub feed across hub processes (postgres)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('postgres', { recheckMs: 60_000 });
  });
  afterAll(() => hub?.close());

  it('wakes a long-poll on one hub when another commits, through LISTEN/NOTIFY, within 2 s', async () => {
    const reader = await secondHub(hub, 60_000);
    try {
      const waiting = reader.readFeed('after=0&wait=20');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const record = filedRecord();
      const postedAt = Date.now();
      await hub.postNdjson([record]);
      const { page } = await waiting;
      expect(reportKeys(page.entries)).toEqual([`${record.reportId}@1`]);
      expect(Date.now() - postedAt).toBeLessThan(2000);
    } finally {
      await reader.app.close();
    }
  });
});
