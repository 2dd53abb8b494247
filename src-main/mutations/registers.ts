/**
 * Every synced piece of officers' work is a register: one field of one entity (a report's work status, a
 * link's decision, a case's membership of one report …) that holds one JSON value. Mutations are sets of
 * register writes; see ./applier.ts for who wins a register.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export const SYNCED_ENTITIES = ['report', 'link', 'note', 'case', 'benign', 'action', 'directory', 'routing'] as const;
export type SyncedEntity = (typeof SYNCED_ENTITIES)[number];

export interface RegisterWrite {
  entity: SyncedEntity;
  entityId: string;
  field: string;
  /** `null`: the entity or entry does not exist (a removed benign value, a note not yet created …). */
  value: JsonValue;
}

/** Creations are first-writer-wins (create-once); everything else is last-writer-wins. */
export type RegisterPolicy = 'last-writer' | 'first-writer';

export const CREATED_FIELD = 'created';

export function policyOf(field: string): RegisterPolicy {
  return field === CREATED_FIELD ? 'first-writer' : 'last-writer';
}

/** Where a register's current value comes from. */
export type RegisterOrigin = 'hub' | 'pending' | 'base';

export interface RegisterState {
  value: JsonValue;
  origin: RegisterOrigin;
  /** Hub seq for `hub`; 0 otherwise. */
  seq: number;
  mutationId: string | null;
  officer: string | null;
  at: string | null;
}

/** A register's value as an adapter reads it from the live tables (for the `base` snapshot). */
export interface LiveValue {
  value: JsonValue;
  officer: string | null;
  at: string | null;
}

export const entityKey = (entity: SyncedEntity, entityId: string) => `${entity}\u0000${entityId}`;

export function splitEntityKey(key: string): { entity: SyncedEntity; entityId: string } {
  const cut = key.indexOf('\u0000');
  return { entity: key.slice(0, cut) as SyncedEntity, entityId: key.slice(cut + 1) };
}

export function sameJson(a: JsonValue, b: JsonValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
