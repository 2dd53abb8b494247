import type { ApiClient } from '../../shared/api/contract';
import type { AppStore } from './create-app-store';

/** Routes pushed events to the slices that must refresh. Returns a function that disconnects them. */
export function connectEvents(api: ApiClient, store: AppStore): () => void {
  const state = () => store.getState();
  const unsubscribers = [
    // Reopening a report is audited as a view: new intake (frequent while syncing) reloads the open report only
    // when it got a new revision; officers' work on reports (status, assignee) reloads it always.
    api.subscribe('reports.changed', () => {
      void state().refreshQueue();
      void state().checkOpenReport();
    }),
    api.subscribe('work.changed', ({ entities }) => {
      const changed = new Set(entities);
      if (changed.has('report')) {
        void state().refreshQueue();
        void state().refreshOpenReport();
      }
      if (changed.has('link')) void state().refreshCluster();
      if (changed.has('case')) void state().refreshCases();
      if (changed.has('note')) void state().refreshNotes();
      if (changed.has('benign')) {
        void state().loadBenignList();
        void state().refreshIndicators();
      }
    }),
    api.subscribe('sync.state', (view) => state().receiveSyncState(view)),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
