/**
 * Ending a hub session when its officer leaves (src-main/app/session-ends.ts): sent at once when the hub answers;
 * kept in the SecretStore and sent again every minute — at once when sync is back online, and at the next start —
 * while it cannot be reached; dropped once the hub has it, knows it no more (401), or the session ended by itself.
 */
import { describe, expect, it } from 'vitest';
import type { SyncStateView } from '../../../shared/api/views';
import { createApiEventBus } from '../../../src-main/api/events';
import { createSessionEnds, SESSION_END_RETRY_MS } from '../../../src-main/app/session-ends';
import type { SecretName, SecretStore } from '../../../src-main/app/secrets';
import { fakeTime, settle } from './support/fake-time';

const HUB = 'https://hub.politie.example';

function memorySecrets(): SecretStore {
  const held = new Map<SecretName, string>();
  return { keepsStoreKey: false, get: (name) => held.get(name) ?? null, set: (name, value) => void (value === null ? held.delete(name) : held.set(name, value)) };
}

/** A hub that is down (the connection refused) or up, and each session it was asked to end. */
function fakeHub() {
  const hub = {
    up: false,
    /** Sessions the hub no longer knows (ended or expired): it answers 401. */
    unknown: new Set<string>(),
    ended: [] as string[],
    fetch: ((_input: string | URL | Request, init?: RequestInit) => {
      if (!hub.up) return Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }));
      const session = String(new Headers(init?.headers).get('authorization')).replace('Bearer ', '');
      if (hub.unknown.has(session)) return Promise.resolve(Response.json({ error: { code: 'UNAUTHENTICATED', message: 'session ended' } }, { status: 401 }));
      hub.ended.push(session);
      return Promise.resolve(Response.json({ ended: true }));
    }) as typeof fetch,
  };
  return hub;
}

const onlineState: SyncStateView = { revision: 1, configured: true, online: true, lastSyncAt: null, pendingOutbox: 0, lastError: null, initialSync: { active: false, received: 0, total: null }, conflicts: 0 };

describe('session ends', () => {
  it('ends the session at once when the hub answers, and keeps nothing (the honest path)', async () => {
    const hub = fakeHub();
    hub.up = true;
    const time = fakeTime('2026-12-05T10:00:00Z');
    const secrets = memorySecrets();
    const ends = createSessionEnds({ secrets, fetch: hub.fetch, ...time });
    await ends.end(HUB, 'pzs_a', '2026-12-05T12:00:00Z');
    expect(hub.ended).toEqual(['pzs_a']);
    expect(secrets.get('pending-session-ends')).toBeNull();
    expect(time.waiting()).toBe(0);
  });

  it('keeps an end while the hub is down and sends it every minute until the hub takes it', async () => {
    const hub = fakeHub();
    const time = fakeTime('2026-12-05T10:00:00Z');
    const secrets = memorySecrets();
    const ends = createSessionEnds({ secrets, fetch: hub.fetch, ...time });
    await ends.end(HUB, 'pzs_a', '2026-12-05T12:00:00Z');
    expect(ends.pending()).toBe(1);
    expect(JSON.parse(secrets.get('pending-session-ends')!)).toEqual([{ hubUrl: HUB, session: 'pzs_a', expiresAt: '2026-12-05T12:00:00Z' }]);
    await time.step();
    expect(ends.pending()).toBe(1);
    expect(time.clock.now().toISOString()).toBe(new Date(Date.parse('2026-12-05T10:00:00Z') + SESSION_END_RETRY_MS).toISOString());
    hub.up = true;
    await time.step();
    expect(hub.ended).toEqual(['pzs_a']);
    expect(ends.pending()).toBe(0);
    expect(secrets.get('pending-session-ends')).toBeNull();
    expect(time.waiting()).toBe(0);
  });

  it('sends kept ends at once when sync is back online, and at the next start', async () => {
    const hub = fakeHub();
    const time = fakeTime('2026-12-05T10:00:00Z');
    const secrets = memorySecrets();
    const events = createApiEventBus();
    const ends = createSessionEnds({ secrets, fetch: hub.fetch, ...time, events });
    await ends.end(HUB, 'pzs_a', '2026-12-05T12:00:00Z');
    hub.up = true;
    events.emit('sync.state', onlineState);
    await settle();
    expect(hub.ended).toEqual(['pzs_a']);
    ends.stop();

    hub.up = false;
    const before = createSessionEnds({ secrets, fetch: hub.fetch, ...time });
    await before.end(HUB, 'pzs_b', '2026-12-05T12:00:00Z');
    before.stop();
    hub.up = true;
    // A restart: a new instance over the same secrets sends what the last one kept.
    const after = createSessionEnds({ secrets, fetch: hub.fetch, ...time });
    await settle();
    expect(hub.ended).toEqual(['pzs_a', 'pzs_b']);
    expect(after.pending()).toBe(0);
  });

  it('drops an end the hub no longer knows (401) and one whose session has ended by itself', async () => {
    const hub = fakeHub();
    const time = fakeTime('2026-12-05T10:00:00Z');
    const secrets = memorySecrets();
    const ends = createSessionEnds({ secrets, fetch: hub.fetch, ...time });
    await ends.end(HUB, 'pzs_known', '2026-12-05T12:00:00Z');
    await ends.end(HUB, 'pzs_gone', '2026-12-05T12:00:00Z');
    await ends.end(HUB, 'pzs_short', '2026-12-05T10:00:30Z');
    expect(ends.pending()).toBe(3);
    hub.up = true;
    hub.unknown.add('pzs_gone');
    await time.step();
    // pzs_short ended by itself before the retry: it is not sent at all.
    expect(hub.ended).toEqual(['pzs_known']);
    expect(ends.pending()).toBe(0);
  });

  it('takes a damaged secret as nothing kept', async () => {
    const hub = fakeHub();
    hub.up = true;
    const secrets = memorySecrets();
    secrets.set('pending-session-ends', '[{"hubUrl": ');
    const ends = createSessionEnds({ secrets, fetch: hub.fetch, ...fakeTime('2026-12-05T10:00:00Z') });
    expect(ends.pending()).toBe(0);
    await ends.flush();
    expect(hub.ended).toEqual([]);
  });
});
