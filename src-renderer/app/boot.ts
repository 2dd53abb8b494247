import type { ApiClient } from '../../shared/api/contract';
import { connectEvents } from '../store/connect-events';
import type { AppStore } from '../store/create-app-store';

/** How long the first frame may wait for the queue before the frame is shown without it. */
const FIRST_QUEUE_WAIT_MS = 400;

export interface StartedApp {
  /** Settles once the queue's first page is in, or after a short wait when it is slow: then the first frame is drawn. */
  readyToShow: Promise<void>;
  disconnect: () => void;
}

/**
 * First loads after the store exists: who is signed in (then, for supervisors, the approval queue), settings,
 * sync state and the queue. The first frame waits briefly for the queue: drawing an empty frame first and the
 * rows after costs the officer a second full render before the queue appears.
 */
export function startApp(api: ApiClient, store: AppStore): StartedApp {
  const disconnect = connectEvents(api, store);
  const state = store.getState();
  // The queue first: the first frame waits for it, and the main process answers in the order it is asked.
  const queue = state.loadQueue();
  void state.loadSession().then(() => state.loadApprovalQueue());
  void state.loadSettings();
  void state.loadSyncState();
  void state.loadQueueRegions();
  void state.loadCases();
  const readyToShow = Promise.race([queue, new Promise<void>((resolve) => setTimeout(resolve, FIRST_QUEUE_WAIT_MS))]);
  return { readyToShow, disconnect };
}
