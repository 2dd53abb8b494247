import type { ApiClient, ApiMethod, ApiParams, ApiValue } from '../../shared/api/contract';
import { fail, type ApiResult } from '../../shared/api/result';
import { HTTP_CALL_PATH, HTTP_EVENTS_PATH, TOKEN_QUERY_PARAM } from '../../shared/api/wire';
import { createEventHub } from './event-hub';
import { connectEventSocket } from './event-socket';

export interface HttpClientOptions {
  /** Origin of the local server, e.g. `http://127.0.0.1:5177`. */
  origin: string;
  token: string;
}

const isApiResult = (body: unknown): body is ApiResult<unknown> =>
  typeof body === 'object' && body !== null && 'ok' in body && typeof (body).ok === 'boolean';

/** Browser mode: calls over `POST /api/call`, events over a reconnecting WebSocket. */
export function createHttpClient({ origin, token }: HttpClientOptions): ApiClient {
  const events = createEventHub();
  const socketUrl = new URL(HTTP_EVENTS_PATH, origin);
  socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  socketUrl.searchParams.set(TOKEN_QUERY_PARAM, token);
  // The sync state may have changed before the server sent this socket anything (an answer asked before the socket
  // opened may be older): asked once it is open, it reaches the page as the event it missed.
  connectEventSocket(socketUrl.href, events, () => {
    void call('sync.state', {}).then((answer) => {
      if (answer.ok) events.emit('sync.state', answer.value);
    });
  });

  async function call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<ApiValue<M>>> {
    let response: Response;
    try {
      response = await fetch(new URL(HTTP_CALL_PATH, origin), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ method, params }),
      });
    } catch (error) {
      return fail('UNAVAILABLE', error instanceof Error ? error.message : String(error));
    }
    const body: unknown = await response.json().catch(() => null);
    if (isApiResult(body)) return body as ApiResult<ApiValue<M>>;
    if (response.status === 401) return fail('UNAUTHENTICATED', 'The session token was not accepted.');
    return fail('INTERNAL', `Unexpected answer from the local server (HTTP ${response.status}).`);
  }

  return { call, subscribe: events.subscribe };
}
