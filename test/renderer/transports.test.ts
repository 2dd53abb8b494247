// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PreloadBridge } from '../../shared/api/contract';
import { createBridgeClient } from '../../src-renderer/api/bridge-client';
import { takeBrowserToken } from '../../src-renderer/api/browser-token';
import { createHttpClient } from '../../src-renderer/api/http-client';
import { FakeSocket } from './support/fake-socket';

afterEach(() => vi.unstubAllGlobals());

describe('browser transport', () => {
  it('takes the token from the address bar once, keeps it for the tab, and removes it from the URL', () => {
    window.history.replaceState(null, '', '/?token=secret-1&x=1#queue');
    expect(takeBrowserToken(window.location, window.history, window.sessionStorage)).toBe('secret-1');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.hash).toBe('#queue');
    expect(takeBrowserToken(window.location, window.history, window.sessionStorage)).toBe('secret-1');
  });

  it('POSTs calls with the bearer token and hands pushed events to subscribers', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(new Response(JSON.stringify({ ok: true, value: ['Utrecht'] }), { status: 200 })));
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('WebSocket', FakeSocket);
    const client = createHttpClient({ origin: 'http://127.0.0.1:5177', token: 'tok' });

    expect(await client.call('queue.regions', {})).toEqual({ ok: true, value: ['Utrecht'] });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [URL, RequestInit];
    expect(String(url)).toBe('http://127.0.0.1:5177/api/call');
    expect(init.headers).toEqual(expect.objectContaining({ Authorization: 'Bearer tok' }));
    expect(JSON.parse(init.body as string)).toEqual({ method: 'queue.regions', params: {} });

    expect(FakeSocket.last?.url).toBe('ws://127.0.0.1:5177/api/events?token=tok');
    const received: unknown[] = [];
    client.subscribe('reports.changed', (payload) => received.push(payload));
    FakeSocket.last?.onmessage?.({ data: JSON.stringify({ event: 'reports.changed', payload: { count: 3 } }) });
    FakeSocket.last?.onmessage?.({ data: 'not json' });
    expect(received).toEqual([{ count: 3 }]);
  });

  it('answers UNAVAILABLE when the server cannot be reached, and reconnects the socket with backoff', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    vi.stubGlobal('WebSocket', FakeSocket);
    const client = createHttpClient({ origin: 'http://127.0.0.1:5177', token: 'tok' });
    const result = await client.call('session.get', {});
    expect(result.ok ? null : result.error.code).toBe('UNAVAILABLE');

    const first = FakeSocket.last!;
    first.onclose?.();
    vi.advanceTimersByTime(499);
    expect(FakeSocket.last).toBe(first);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.last).not.toBe(first);
    vi.useRealTimers();
  });
});

describe('desktop transport', () => {
  it('forwards calls to the preload bridge and its events to subscribers', async () => {
    let push: (event: string, payload: unknown) => void = () => undefined;
    const call = vi.fn(() => Promise.resolve({ ok: true as const, value: [] }));
    const bridge: PreloadBridge = {
      call,
      subscribe: (listener) => {
        push = listener;
        return () => undefined;
      },
    };
    const client = createBridgeClient(bridge);
    expect(await client.call('officers.list', {})).toEqual({ ok: true, value: [] });
    expect(call).toHaveBeenCalledWith('officers.list', {});
    const states: unknown[] = [];
    client.subscribe('sync.state', (state) => states.push(state));
    push('sync.state', { online: true });
    push('unknown.event', {});
    expect(states).toEqual([{ online: true }]);
  });
});
