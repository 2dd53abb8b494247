/** The mutation layer: officers' services, the local write path, and the appliers sync uses. */
export * from './services';
export { recordMutation } from './record-mutation';
export { createMutationApplier, type MutationApplier, type HubApplyOutcome } from './applier';
export type { ConflictNotice } from './conflict-notices';
