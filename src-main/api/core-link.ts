import type { ApiResult } from '../../shared/api/result';
import type { ApiContext } from './context';
import { dispatch } from './dispatch';
import type { ApiEventListener } from './events';

/**
 * What a transport needs of the workstation core: calls answered as envelopes, and its events. The core runs off
 * the thread that serves the window (a worker thread, or Electron's utility process), so transports only relay.
 */
export interface CoreLink {
  call(method: unknown, params: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: ApiEventListener): () => void;
}

/** The core in this very thread: for the core's own side of a relay, and for tests of one transport. */
export function coreInThisThread(context: ApiContext): CoreLink {
  return { call: (method, params) => dispatch(method, params, context), subscribe: (listener) => context.events.subscribe(listener) };
}
