// @vitest-environment jsdom
/**
 * News of a change that reaches the page before its screens listen. In browser mode the first screen's calls are
 * asked early (early-start.ts), before the screens' code has loaded; a report the sync stores between that early
 * `queue.list` and the screens subscribing must still show, not only after the next change (none, after a first
 * sync's last page).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiMethod } from '../../shared/api/contract';
import { withEarlyCalls } from '../../src-renderer/api/early-calls';
import { createHttpClient } from '../../src-renderer/api/http-client';
import { startApp } from '../../src-renderer/app/boot';
import { createAppStore } from '../../src-renderer/app/create-app-store';
import { firstScreenCalls } from '../../src-renderer/app/first-screen-calls';
import { queueRow } from './support/builders';
import { FakeApi, settle } from './support/fake-api';
import { FakeSocket } from './support/fake-socket';

/** The workstation's local server: every call answered by a FakeApi holding the store's queue. */
function localServer() {
  const core = new FakeApi([queueRow(0)]);
  core.handle('sync.state', () => ({
    revision: 1,
    configured: true,
    online: true,
    lastSyncAt: '2026-12-06T16:30:00.000Z',
    pendingOutbox: 0,
    lastError: null,
    initialSync: { active: false, received: 0, total: null },
    conflicts: 0,
  }));
  core.handle('settings.get', () => ({ hubUrl: 'http://127.0.0.1:8787', hubTokenSet: true, hubCaFile: null, language: 'nl', scope: '*', idleLockMinutes: 15, supervisorGuarded: false }));
  const fetch = async (_url: URL, init: RequestInit): Promise<Response> => {
    const { method, params } = JSON.parse(init.body as string) as { method: ApiMethod; params: never };
    return Response.json(await core.call(method, params));
  };
  return { core, fetch };
}

/** What early-start.ts does before the screens' code has loaded, then the app once it has. */
async function earlyThenApp(between: (socket: FakeSocket, core: FakeApi) => void) {
  const server = localServer();
  vi.stubGlobal('fetch', server.fetch);
  vi.stubGlobal('WebSocket', FakeSocket);
  const client = withEarlyCalls(createHttpClient({ origin: 'http://127.0.0.1:5177', token: 'tok' }));
  for (const call of firstScreenCalls()) client.callEarly(call);
  const socket = FakeSocket.last!;
  socket.onopen?.();
  await settle();
  between(socket, server.core);
  const store = createAppStore(client);
  const app = startApp(client, store);
  await settle();
  return { store, core: server.core, disconnect: app.disconnect };
}

afterEach(() => vi.unstubAllGlobals());

describe('a change before the screens listen', () => {
  it('a report stored after the early queue answer shows in the queue', async () => {
    const app = await earlyThenApp((socket, core) => {
      core.rows = [queueRow(1), queueRow(0)];
      socket.push('reports.changed', { count: 1 });
    });
    expect(app.store.getState().queueTotal).toBe(2);
    app.disconnect();
  });

  it('several changes missed are caught up on together, once: an earlier one is not lost under a later one', async () => {
    const app = await earlyThenApp((socket, core) => {
      core.rows = [queueRow(1), queueRow(0)];
      socket.push('work.changed', { entities: ['report'] });
      socket.push('work.changed', { entities: ['case'] });
      socket.push('work.changed', { entities: ['report', 'note'] });
    });
    expect(app.store.getState().queueTotal).toBe(2);
    // The early answer, then once again for the reports that changed.
    expect(app.core.callsOf('queue.list')).toHaveLength(2);
    app.disconnect();
  });

  it('the honest twin: with no change in between, the early answers are used and nothing is asked twice', async () => {
    const app = await earlyThenApp(() => {});
    expect(app.store.getState().queueTotal).toBe(1);
    expect(app.core.callsOf('queue.list')).toHaveLength(1);
    expect(app.core.callsOf('case.list')).toHaveLength(1);
    app.disconnect();
  });
});
