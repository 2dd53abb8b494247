import { withEarlyCalls } from '../api/early-calls';
import { pickApiClient } from '../api/pick-client';
import { firstQueueQuery } from '../features/queue/first-query';

/**
 * Runs first, before the rest of the renderer is loaded (main.tsx): picks the API client and asks for the queue's
 * first page at once, so that the answer is in when the screens can draw it.
 */
const picked = pickApiClient();
export const startedApi = picked ? withEarlyCalls(picked) : null;
startedApi?.callEarly('queue.list', firstQueueQuery());
