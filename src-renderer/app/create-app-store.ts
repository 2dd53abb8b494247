import { create } from 'zustand';
import type { ApiClient } from '../../shared/api/contract';
import { createNavigationSlice } from './navigation-slice';
import { createNoticeSlice } from './notice-slice';
import { createPurposeSlice } from './purpose-slice';
import { createRequestDraftSlice } from '../features/requests/request-draft-slice';
import { createRequestsSlice } from '../features/requests/requests-slice';
import { createCasesSlice } from '../features/cases/cases-slice';
import { createClusterSlice } from '../features/cluster/cluster-slice';
import { createDirectorySlice } from '../features/directory/directory-slice';
import { createIndicatorsSlice } from '../features/indicators/indicators-slice';
import { createNotesSlice } from '../features/notes/notes-slice';
import { createLogbookSlice } from '../features/logbook/logbook-slice';
import { createOverviewSlice } from '../features/overview/overview-slice';
import { createQueueSlice } from '../features/queue/queue-slice';
import { createReportSlice } from '../features/report/report-slice';
import { createRoutingSlice } from '../features/routing/routing-slice';
import { createPoliceAccountSlice } from '../features/session/police-account-slice';
import { createSessionSlice } from '../features/session/session-slice';
import { createBenignSlice } from '../features/settings/benign-slice';
import { createSettingsSlice } from '../features/settings/settings-slice';
import { createSyncSlice } from '../features/sync/sync-slice';
import type { AppState, AppStore } from '../state/app-state';

/** The one store of the renderer; a factory so every test gets a fresh store over its own fake client. */
export function createAppStore(api: ApiClient): AppStore {
  return create<AppState>()((...args) => ({
    ...createNavigationSlice(api)(...args),
    ...createNoticeSlice(api)(...args),
    ...createPurposeSlice(api)(...args),
    ...createSessionSlice(api)(...args),
    ...createPoliceAccountSlice(api)(...args),
    ...createQueueSlice(api)(...args),
    ...createReportSlice(api)(...args),
    ...createIndicatorsSlice(api)(...args),
    ...createClusterSlice(api)(...args),
    ...createCasesSlice(api)(...args),
    ...createNotesSlice(api)(...args),
    ...createSyncSlice(api)(...args),
    ...createSettingsSlice(api)(...args),
    ...createBenignSlice(api)(...args),
    ...createRequestsSlice(api)(...args),
    ...createRequestDraftSlice(api)(...args),
    ...createDirectorySlice(api)(...args),
    ...createRoutingSlice(api)(...args),
    ...createOverviewSlice(api)(...args),
    ...createLogbookSlice(api)(...args),
  }));
}
