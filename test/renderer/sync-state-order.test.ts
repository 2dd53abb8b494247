// @vitest-environment jsdom
/**
 * The status bar's sync state in browser mode, through the real transport (HTTP calls, the event socket), the early
 * calls and the app's start-up: the answer to a call and a pushed event travel apart and arrive in either order, and
 * the page's listeners subscribe only once the screens' code has loaded. Whatever the order, the page ends on the
 * core's latest state. (officer-flow.spec.ts waited 15 s for "online": the engine's first success came in between,
 * and the next change was a 25 s long poll away.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiMethod } from '../../shared/api/contract';
import type { SyncStateView } from '../../shared/api/views';
import { withEarlyCalls } from '../../src-renderer/api/early-calls';
import { createHttpClient } from '../../src-renderer/api/http-client';
import { startApp } from '../../src-renderer/app/boot';
import { createAppStore } from '../../src-renderer/app/create-app-store';
import { FakeApi, settle } from './support/fake-api';
import { FakeSocket } from './support/fake-socket';

const view = (revision: number, online: boolean): SyncStateView => ({
  revision,
  configured: true,
  online,
  lastSyncAt: online ? '2026-12-06T15:30:00.000Z' : null,
  pendingOutbox: 0,
  lastError: null,
  initialSync: { active: false, received: 0, total: null },
  conflicts: 0,
});

/**
 * The workstation's local server: every call answered by a FakeApi, `sync.state` with the core's state at the
 * moment it is answered. `holdSyncState` keeps the next sync.state answers on the wire until `deliver`.
 */
function localServer() {
  const core = new FakeApi();
  let current = view(1, false);
  core.handle('sync.state', () => current);
  core.handle('settings.get', () => ({ hubUrl: 'http://127.0.0.1:8787', hubTokenSet: true, hubCaFile: null, language: 'nl', scope: '*', idleLockMinutes: 15, supervisorGuarded: false }));
  let held: Array<() => void> | null = null;
  const fetch = async (_url: URL, init: RequestInit): Promise<Response> => {
    const { method, params } = JSON.parse(init.body as string) as { method: ApiMethod; params: never };
    const answer = Response.json(await core.call(method, params));
    if (method === 'sync.state' && held) await new Promise<void>((resolve) => held!.push(resolve));
    return answer;
  };
  return {
    fetch,
    /** The core's state changes (the engine's first success); what it pushes is up to the test. */
    change(online: boolean): SyncStateView {
      current = view(current.revision + 1, online);
      return current;
    },
    /** A new core: its state starts over, numbered from 1. */
    restartCore: () => void (current = view(1, false)),
    holdSyncState: () => void (held = []),
    deliver() {
      const waiting = held ?? [];
      held = null;
      waiting.forEach((resolve) => resolve());
    },
  };
}

/** What early-start.ts does before the screens' code has loaded. */
function earlyStart() {
  const client = withEarlyCalls(createHttpClient({ origin: 'http://127.0.0.1:5177', token: 'tok' }));
  client.callEarly(['sync.state', {}]);
  return { client, socket: FakeSocket.last! };
}

function showApp(client: ReturnType<typeof earlyStart>['client']) {
  const store = createAppStore(client);
  const app = startApp(client, store);
  return { store, disconnect: app.disconnect };
}

afterEach(() => vi.unstubAllGlobals());

describe('the sync state the page shows', () => {
  it('is the success pushed before the screens subscribed, not the older answer asked early', async () => {
    const server = localServer();
    vi.stubGlobal('fetch', server.fetch);
    vi.stubGlobal('WebSocket', FakeSocket);
    const { client, socket } = earlyStart();
    socket.onopen?.();
    await settle();
    socket.push('sync.state', server.change(true));

    const app = showApp(client);
    await settle();
    expect(app.store.getState().syncState).toMatchObject({ online: true, revision: 2 });
    app.disconnect();
  });

  it('is the success pushed while an older answer was on its way, whichever arrives last', async () => {
    const server = localServer();
    vi.stubGlobal('fetch', server.fetch);
    vi.stubGlobal('WebSocket', FakeSocket);
    server.holdSyncState();
    const { client, socket } = earlyStart();
    const app = showApp(client);
    await settle();
    socket.push('sync.state', server.change(true));
    expect(app.store.getState().syncState).toMatchObject({ online: true });

    server.deliver();
    await settle();
    expect(app.store.getState().syncState).toMatchObject({ online: true, revision: 2 });
    app.disconnect();
  });

  it('is asked again when the socket opens: a change before then was never sent to it', async () => {
    const server = localServer();
    vi.stubGlobal('fetch', server.fetch);
    vi.stubGlobal('WebSocket', FakeSocket);
    const { client, socket } = earlyStart();
    const app = showApp(client);
    await settle();
    expect(app.store.getState().syncState).toMatchObject({ online: false });

    // The engine succeeds while the socket is still connecting: the server had no socket to push it to.
    server.change(true);
    socket.onopen?.();
    await settle();
    expect(app.store.getState().syncState).toMatchObject({ online: true, revision: 2 });
    app.disconnect();
  });

  it('follows later changes, offline again included (the honest twin: revisions only ever move on)', async () => {
    const server = localServer();
    vi.stubGlobal('fetch', server.fetch);
    vi.stubGlobal('WebSocket', FakeSocket);
    const { client, socket } = earlyStart();
    socket.onopen?.();
    const app = showApp(client);
    await settle();
    socket.push('sync.state', server.change(true));
    socket.push('sync.state', server.change(false));
    expect(app.store.getState().syncState).toMatchObject({ online: false, revision: 3 });
    // A repeated or older view changes nothing.
    socket.push('sync.state', view(2, true));
    expect(app.store.getState().syncState).toMatchObject({ online: false, revision: 3 });
    app.disconnect();
  });

  it('after the core started again (its views numbered from 1 again), takes the new core’s state', async () => {
    const server = localServer();
    vi.stubGlobal('fetch', server.fetch);
    vi.stubGlobal('WebSocket', FakeSocket);
    const { client, socket } = earlyStart();
    socket.onopen?.();
    const app = showApp(client);
    await settle();
    socket.push('sync.state', server.change(true));
    socket.push('sync.state', server.change(true));
    expect(app.store.getState().syncState).toMatchObject({ revision: 3, online: true });

    server.restartCore();
    socket.onmessage?.({ data: JSON.stringify({ event: 'core.restarted', payload: { at: '2026-12-06T15:31:00.000Z' } }) });
    await settle();
    expect(app.store.getState().syncState).toMatchObject({ revision: 1, online: false });
    socket.push('sync.state', server.change(true));
    expect(app.store.getState().syncState).toMatchObject({ revision: 2, online: true });
    app.disconnect();
  });
});
