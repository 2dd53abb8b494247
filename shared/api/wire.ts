/**
 * How the contract travels, for both sides of each transport.
 *
 * Browser mode (HTTP on 127.0.0.1, same origin as the page):
 * - The page is opened as `/?token=<token>`; the token is per launch and guards every API request.
 * - `POST /api/call` with `Authorization: Bearer <token>` and a JSON body `{ method, params }` answers an
 *   ApiResult (HTTP 200 for every answer of a method, also `ok: false`; 400/401/403/413 when the request itself
 *   is refused, with an ApiResult body as well).
 * - `WebSocket /api/events?token=<token>` (or send `{ "token": "<token>" }` as the first message instead)
 *   pushes `{ event, payload }` messages (see ApiEvents).
 *
 * Electron: the preload exposes `window.puzzelstuk` (PreloadBridge) over the IPC channels below.
 */
import type { ApiEvent, ApiEvents } from './contract';

export const HTTP_CALL_PATH = '/api/call';
export const HTTP_EVENTS_PATH = '/api/events';
/** Query parameter that carries the launch token in the page URL and the WebSocket URL. */
export const TOKEN_QUERY_PARAM = 'token';

export const IPC_CALL_CHANNEL = 'api';
export const IPC_EVENT_CHANNEL = 'api-event';

export interface CallRequest {
  method: string;
  params: unknown;
}

export type EventMessage = { [E in ApiEvent]: { event: E; payload: ApiEvents[E] } }[ApiEvent];

/** The first WebSocket message, when the token is not in the URL. */
export interface SocketAuthMessage {
  token: string;
}
