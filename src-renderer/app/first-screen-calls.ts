import type { EarlyCall } from '../api/early-calls';
import { firstQueueQuery } from '../features/queue/first-query';

/**
 * What the first screen needs, each asked exactly as its slice asks it at start-up (boot.ts), so that the slices'
 * own calls are answered by these. A call missing here still works; it is only asked later.
 */
export const firstScreenCalls = (): EarlyCall[] => [
  ['queue.list', firstQueueQuery()],
  ['session.get', {}],
  ['officers.list', {}],
  ['settings.get', {}],
  ['sync.state', {}],
  ['queue.regions', {}],
  ['case.list', {}],
];
