/**
 * Who makes a change. Every mutation and audit entry names one: an officer by id, or a system
 * process (`system:import`, `system:sync`) for work no person did by hand.
 */
export type Actor = string;

export const IMPORT_ACTOR: Actor = 'system:import';
export const SYNC_ACTOR: Actor = 'system:sync';
