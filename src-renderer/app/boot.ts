import type { ApiClient } from '../../shared/api/contract';
import { connectEvents } from '../state/connect-events';
import type { AppStore } from '../state/app-state';
import { readyToDraw } from '../state/first-frame';

export interface StartedApp {
  /** Settles once the first screen's data is in, or after a short wait when it is slow: then the first frame is drawn. */
  readyToShow: Promise<void>;
  disconnect: () => void;
}

/**
 * First loads after the store exists: who is signed in (then, for supervisors, the approval queue), settings,
 * sync state and the queue. The first frame waits briefly for them (asked early, see first-screen-calls.ts): drawing
 * an empty frame first and the data after costs the officer more renders before the queue appears.
 */
export function startApp(api: ApiClient, store: AppStore): StartedApp {
  const state = store.getState();
  const session = state.loadSession();
  void session.then(() => state.loadApprovalQueue());
  const loads = [state.loadQueue(), session, state.loadSettings(), state.loadSyncState(), state.loadQueueRegions(), state.loadCases()];
  // Listening only once the first loads are asked: they take the early calls' answers, and a change missed before
  // now (replayed by the event hub) then asks again, rather than taking an early answer older than the change.
  const disconnect = connectEvents(api, store);
  const readyToShow = readyToDraw(Promise.all(loads));
  return { readyToShow, disconnect };
}
