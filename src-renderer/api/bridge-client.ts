import type { ApiClient, ApiMethod, ApiParams, ApiValue, PreloadBridge } from '../../shared/api/contract';
import { fail, type ApiResult } from '../../shared/api/result';
import { createEventHub } from './event-hub';

/** The desktop transport: the preload's `window.puzzelstuk` bridge over Electron IPC. */
export function createBridgeClient(bridge: PreloadBridge): ApiClient {
  const events = createEventHub();
  bridge.subscribe((event, payload) => events.emit(event, payload));

  async function call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<ApiValue<M>>> {
    try {
      // The main process answers every method with its contract type; IPC loses only the static type.
      return (await bridge.call(method, params)) as ApiResult<ApiValue<M>>;
    } catch (error) {
      return fail('UNAVAILABLE', error instanceof Error ? error.message : String(error));
    }
  }

  return { call, subscribe: events.subscribe };
}
