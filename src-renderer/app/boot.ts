import type { ApiClient } from '../../shared/api/contract';
import { connectEvents } from '../store/connect-events';
import type { AppStore } from '../store/create-app-store';

/** First loads after the store exists: who is signed in (then, for supervisors, the approval queue), settings, sync state and the queue. */
export function startApp(api: ApiClient, store: AppStore): () => void {
  const disconnect = connectEvents(api, store);
  const state = store.getState();
  void state.loadSession().then(() => state.loadApprovalQueue());
  void state.loadSettings();
  void state.loadSyncState();
  void state.loadQueue();
  void state.loadQueueRegions();
  void state.loadCases();
  return disconnect;
}
