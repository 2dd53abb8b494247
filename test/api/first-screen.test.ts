import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_METHODS } from '../../shared/api/contract';
import type { QueueQuery } from '../../shared/api/views';
import { openApiHarness } from './support/api-harness';

const QUEUE: QueueQuery = { filters: {}, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 100 };

describe('app.firstScreen', () => {
  it('answers each part exactly as its own call does', async () => {
    const api = await openApiHarness();
    const together = await api.value('app.firstScreen', { queue: QUEUE });
    expect(Object.keys(together).sort()).toEqual([...FIRST_SCREEN_METHODS].sort());
    // The sync state carries the moment it was read; every other part is equal to its own call's answer.
    for (const method of FIRST_SCREEN_METHODS.filter((name) => name !== 'sync.state')) {
      expect(together[method], method).toEqual(await api.call(method, (method === 'queue.list' ? QUEUE : {}) as never));
    }
    expect(together['sync.state']).toMatchObject({ ok: true });
    expect(together['queue.list']).toMatchObject({ ok: true });
  });

  it('with nobody signed in, refuses the officer-bound parts as their own calls do, and still answers who is signed in', async () => {
    const api = await openApiHarness();
    await api.value('session.signOut', {});
    const together = await api.value('app.firstScreen', { queue: QUEUE });
    expect(together['queue.list']).toEqual(await api.call('queue.list', QUEUE));
    expect(together['queue.list']).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(together['session.get']).toMatchObject({ ok: true, value: { officer: null } });
  });

  it('checks the queue part like queue.list: a search without a purpose, or bad params, refuse the call with BAD_INPUT', async () => {
    const api = await openApiHarness();
    const search = { ...QUEUE, filters: { text: 'kluis' } };
    const refused = await api.call('queue.list', search);
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await api.call('app.firstScreen', { queue: search })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('purpose') as string } });
    expect(await api.call('app.firstScreen', { queue: { ...QUEUE, limit: 'all' } } as never)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
