import type { ApiClient, ApiMethod, ApiParams, ApiValue } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/result';

/** A call as data: its method and its params. */
export type EarlyCall = { [M in ApiMethod]: [method: M, params: ApiParams<M>] }[ApiMethod];

/** A client that can ask something before anyone needs it; the first identical call then gets that answer. */
export interface EarlyCallingClient extends ApiClient {
  /** Asks `call` now, or takes `answer` as its answer (one asked together with others). */
  callEarly(call: EarlyCall, answer?: Promise<ApiResult<unknown>>): void;
}

const keyOf = (method: ApiMethod, params: unknown) => `${method} ${JSON.stringify(params)}`;

export function withEarlyCalls(api: ApiClient): EarlyCallingClient {
  const early = new Map<string, Promise<ApiResult<unknown>>>();
  return {
    subscribe: (event, listener) => api.subscribe(event, listener),
    callEarly([method, params], answer) {
      early.set(keyOf(method, params), answer ?? api.call(method, params));
    },
    call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<ApiValue<M>>> {
      const key = keyOf(method, params);
      const answer = early.get(key);
      if (!answer) return api.call(method, params);
      // Used once: a later identical call asks again, for what may have changed since.
      early.delete(key);
      return answer as Promise<ApiResult<ApiValue<M>>>;
    },
  };
}
