import type { StoreApi, UseBoundStore } from 'zustand';
import type { NavigationSlice } from '../app/navigation-slice';
import type { NoticeSlice } from '../app/notice-slice';
import type { PurposeSlice } from '../app/purpose-slice';
import type { RequestDraftSlice } from '../features/requests/request-draft-slice';
import type { RequestsSlice } from '../features/requests/requests-slice';
import type { CasesSlice } from '../features/cases/cases-slice';
import type { ClusterSlice } from '../features/cluster/cluster-slice';
import type { DirectorySlice } from '../features/directory/directory-slice';
import type { IndicatorsSlice } from '../features/indicators/indicators-slice';
import type { LogbookSlice } from '../features/logbook/logbook-slice';
import type { NotesSlice } from '../features/notes/notes-slice';
import type { OverviewSlice } from '../features/overview/overview-slice';
import type { QueueSlice } from '../features/queue/queue-slice';
import type { ReportSlice } from '../features/report/report-slice';
import type { RoutingSlice } from '../features/routing/routing-slice';
import type { PoliceAccountSlice } from '../features/session/police-account-slice';
import type { SessionSlice } from '../features/session/session-slice';
import type { BenignSlice } from '../features/settings/benign-slice';
import type { SettingsSlice } from '../features/settings/settings-slice';
import type { SyncSlice } from '../features/sync/sync-slice';

export type AppState = NavigationSlice &
  NoticeSlice &
  PurposeSlice &
  SessionSlice &
  PoliceAccountSlice &
  QueueSlice &
  ReportSlice &
  IndicatorsSlice &
  ClusterSlice &
  CasesSlice &
  NotesSlice &
  SyncSlice &
  SettingsSlice &
  BenignSlice &
  RequestsSlice &
  RequestDraftSlice &
  DirectorySlice &
  RoutingSlice &
  OverviewSlice &
  LogbookSlice;

/** The one store of the renderer (made by app/create-app-store.ts). */
export type AppStore = UseBoundStore<StoreApi<AppState>>;
