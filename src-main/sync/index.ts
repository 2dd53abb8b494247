/** Sync between a workstation's store and the hub. */
export { createSyncEngine, type SyncEngine, type SyncEngineOptions, type SyncRoundSummary } from './sync-engine';
export type { SyncState, SyncStateListener } from './sync-state';
export { parseSyncScope, formatSyncScope, type SyncScope } from './sync-scope';
export type { SyncTimers } from './timers';
export { createHubClient, type HubClient } from './hub-client';
export { enrollOfficer, keyEnrolmentOffer, takeEnrolledKey, type KeyEnrolmentOffer } from './officer-enrollment';
