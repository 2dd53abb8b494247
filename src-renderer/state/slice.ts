import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../shared/api/contract';
import type { AppState } from './app-state';

/** A slice gets the transport-neutral API client; its actions may read and call the whole store. */
export type SliceCreator<Slice> = (api: ApiClient) => StateCreator<AppState, [], [], Slice>;
