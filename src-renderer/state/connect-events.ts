import type { ApiClient } from '../../shared/api/contract';
import type { AppStore } from './app-state';
import { readyToDraw } from './first-frame';

/** Routes pushed events to the slices that must refresh. Returns a function that disconnects them. */
export function connectEvents(api: ApiClient, store: AppStore): () => void {
  const state = () => store.getState();
  const unsubscribers = [
    // Reopening a report is audited as a view: new intake (frequent while syncing) reloads the open report only
    // when it got a new revision; officers' work on reports (status, assignee) reloads it always.
    api.subscribe('reports.changed', () => {
      void state().refreshQueue();
      // A new report may bring a region the filters do not offer yet.
      void state().loadQueueRegions();
      void state().checkOpenReport();
      // New reports may mention the indicator of an open request ("new reports since").
      void state().refreshRequests();
    }),
    api.subscribe('work.changed', ({ entities }) => {
      const changed = new Set(entities);
      // Another officer signed in here: everything on screen is reloaded in their name.
      if (changed.has('officer')) return void refreshEverything(store);
      if (changed.has('report')) {
        void state().refreshQueue();
        void state().refreshOpenReport();
        void state().refreshRouteExplanation();
      }
      if (changed.has('link')) void state().refreshCluster();
      if (changed.has('case')) void state().refreshCases();
      if (changed.has('note')) void state().refreshNotes();
      if (changed.has('benign')) {
        void state().loadBenignList();
        void state().refreshIndicators();
      }
      if (changed.has('action')) void state().refreshRequests();
      if (changed.has('directory') && state().directoryEntries !== null) void state().loadDirectory();
      if (changed.has('routing')) {
        if (state().routingRules !== null) void state().loadRoutingRules();
        void state().refreshRouteExplanation();
      }
    }),
    api.subscribe('sync.state', (view) => state().receiveSyncState(view)),
    // Locked or unlocked, here or in another window, or by the core itself: the lock screen follows the core.
    api.subscribe('session.locked', () => void state().loadSession()),
    // The core stopped and runs again: say so (a change made just then may not have been saved) and reload.
    api.subscribe('core.restarted', () => {
      state().notify({ tone: 'error', key: 'coreRestarted' });
      void state().reloadSyncState();
      void refreshEverything(store);
    }),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}

/** After a change of officer: who is signed in first (roles decide what loads), then the screen as it stands. */
async function refreshEverything(store: AppStore): Promise<void> {
  const state = store.getState();
  // A purpose is the officer's own: the next one searches under theirs.
  state.setSearchPurpose(null);
  // The queue's question names nobody (the core answers it in the new officer's name): asked first, and the session
  // that draws the new officer's workstation taken once its rows are in (one local call), so that it is drawn once
  // with them — not empty, with the refusal the queue got before sign-in, and again when they come.
  await readyToDraw(state.refreshQueue());
  await state.loadSession();
  state.reloadView();
  void state.loadCases();
  void state.refreshRequests();
}
