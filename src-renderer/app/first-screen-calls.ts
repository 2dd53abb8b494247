import { FIRST_SCREEN_METHODS, type ApiClient, type FirstScreenMethod } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/result';
import type { EarlyCall, EarlyCallingClient } from '../api/early-calls';
import { firstQueueQuery } from '../features/queue/first-query';

/**
 * What the first screen needs, each asked exactly as its slice asks it at start-up (boot.ts), so that the slices'
 * own calls are answered by these. A call missing here still works; it is only asked later.
 */
export const firstScreenCalls = (): EarlyCall[] => [['queue.list', firstQueueQuery()], ...FIRST_SCREEN_METHODS.filter((method) => method !== 'queue.list').map((method): EarlyCall => [method, {}])];

/**
 * Asks the first screen's calls together, in one `app.firstScreen` (one round trip instead of seven, which over
 * browser mode's six connections also waited for one another), and hands each slice's own call its part. Should the
 * call as a whole fail (a core older than this page), each is asked on its own. How far the core's start is
 * (start-state.ts) goes apart, since its host answers it while the core cannot: the screens wait behind it, and asked
 * only once their code had run, its round trip came after that code and the start screen was drawn before them.
 */
export function askFirstScreen(api: ApiClient, early: EarlyCallingClient): void {
  const queue = firstQueueQuery();
  const together = api.call('app.firstScreen', { queue });
  for (const call of firstScreenCalls()) {
    const [method, params] = call;
    const answer: Promise<ApiResult<unknown>> = together.then((answered) => (answered.ok ? answered.value[method as FirstScreenMethod] : api.call(method, params as never)));
    early.callEarly(call, answer);
  }
  early.callEarly(['app.startState', {}]);
}
