import { withEarlyCalls } from '../api/early-calls';
import { pickApiClient } from '../api/pick-client';
import { askFirstScreen } from './first-screen-calls';

/**
 * Runs first, before the rest of the renderer is loaded (main.tsx): picks the API client and asks at once for what
 * the first screen shows, so that the answers are in when the screens can draw it.
 */
const picked = pickApiClient();
export const startedApi = picked ? withEarlyCalls(picked) : null;
if (picked && startedApi) askFirstScreen(picked, startedApi);
