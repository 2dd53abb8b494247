import type { QueueRow } from '../../../shared/api/views';
import type { AppState } from '../../state/app-state';
import { rowAt } from './row-window';

export const selectQueueRow = (index: number) => (state: AppState): QueueRow | undefined => rowAt(state.queuePages, index);

export const selectRowSelected = (reportId: string | undefined) => (state: AppState): boolean =>
  reportId !== undefined && state.queueSelection.has(reportId);

