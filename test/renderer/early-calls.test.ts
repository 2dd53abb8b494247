import { describe, expect, it } from 'vitest';
import { withEarlyCalls } from '../../src-renderer/api/early-calls';
import { firstQueueQuery } from '../../src-renderer/features/queue/first-query';
import { askFirstScreen, firstScreenCalls } from '../../src-renderer/app/first-screen-calls';
import { FIRST_SCREEN_METHODS, type FirstScreenView } from '../../shared/api/contract';
import { startApp } from '../../src-renderer/app/boot';
import { createAppStore } from '../../src-renderer/app/create-app-store';
import { queueRow } from './support/builders';
import { FakeApi } from './support/fake-api';

describe('calls asked before the screens are loaded', () => {
  it('answer the first identical call once; any other call, and the next identical one, ask again', async () => {
    const api = new FakeApi(Array.from({ length: 300 }, (_, index) => queueRow(index)));
    const client = withEarlyCalls(api);
    client.callEarly(['queue.list', firstQueueQuery()]);
    expect(api.callsOf('queue.list')).toHaveLength(1);

    const other = { ...firstQueueQuery(), offset: 100 };
    expect((await client.call('queue.list', other)).ok).toBe(true);
    expect(api.callsOf('queue.list')).toHaveLength(2);

    const answer = await client.call('queue.list', firstQueueQuery());
    expect(answer.ok && answer.value.rows[0]!.reportId).toBe(queueRow(0).reportId);
    expect(api.callsOf('queue.list')).toHaveLength(2);

    await client.call('queue.list', firstQueueQuery());
    expect(api.callsOf('queue.list')).toHaveLength(3);
  });

  it('the early queue call is exactly the one the queue slice makes first, so the slice gets its answer', async () => {
    const api = new FakeApi(Array.from({ length: 300 }, (_, index) => queueRow(index)));
    const client = withEarlyCalls(api);
    client.callEarly(['queue.list', firstQueueQuery()]);
    const store = createAppStore(client);
    await store.getState().loadQueue();
    expect(api.callsOf('queue.list')).toEqual([firstQueueQuery()]);
    expect(store.getState().queueTotal).toBe(300);
  });

  it('what the first screen asks early is exactly what start-up asks: each is asked once, and the first frame waits for them', async () => {
    const api = new FakeApi(Array.from({ length: 300 }, (_, index) => queueRow(index)));
    const client = withEarlyCalls(api);
    for (const call of firstScreenCalls()) client.callEarly(call);
    const store = createAppStore(client);
    const app = startApp(client, store);
    await app.readyToShow;
    for (const [method] of firstScreenCalls()) expect(api.callsOf(method), method).toHaveLength(1);
    expect(store.getState().queueTotal).toBe(300);
    expect(store.getState().session?.officer?.id).toBe('officer-1');
    app.disconnect();
  });

  it('the first screen is asked in one call, and each slice gets its part without asking again', async () => {
    const api = new FakeApi(Array.from({ length: 300 }, (_, index) => queueRow(index)));
    // The fake answers it from its own handlers, part by part, as the core does.
    api.handle('app.firstScreen', async ({ queue }) => {
      const parts = await Promise.all(FIRST_SCREEN_METHODS.map((method) => (method === 'queue.list' ? api.call(method, queue) : api.call(method, {}))));
      return Object.fromEntries(FIRST_SCREEN_METHODS.map((method, index) => [method, parts[index]])) as FirstScreenView;
    });
    const client = withEarlyCalls(api);
    askFirstScreen(api, client);
    const asked = api.calls.length;
    const store = createAppStore(client);
    const app = startApp(client, store);
    await app.readyToShow;
    expect(api.callsOf('app.firstScreen')).toEqual([{ queue: firstQueueQuery() }]);
    // Only the fake's own part calls, made inside app.firstScreen: the slices asked nothing themselves.
    expect(api.calls.slice(asked).map((call) => call.method).filter((method) => (FIRST_SCREEN_METHODS as readonly string[]).includes(method))).toEqual([]);
    expect(store.getState().queueTotal).toBe(300);
    expect(store.getState().session?.officer?.id).toBe('officer-1');
    app.disconnect();
  });

  it('a core that cannot answer the first screen in one call is asked each call on its own', async () => {
    const api = new FakeApi(Array.from({ length: 300 }, (_, index) => queueRow(index)));
    const client = withEarlyCalls(api);
    askFirstScreen(api, client);
    const store = createAppStore(client);
    const app = startApp(client, store);
    await app.readyToShow;
    expect(api.callsOf('app.firstScreen')).toHaveLength(1);
    for (const [method] of firstScreenCalls()) expect(api.callsOf(method), method).toHaveLength(1);
    expect(store.getState().queueTotal).toBe(300);
    app.disconnect();
  });
});
