import type { AnyMutation } from '../../shared/mutations/kinds';
import { registerWrites } from './register-writes';
import { entityKey, policyOf, type RegisterState, type SyncedEntity } from './registers';

/**
 * The officer's own not-yet-acknowledged changes, per register: what is shown on top of hub state.
 * Later pending writes win last-writer registers; the first pending write holds a first-writer one.
 */
export class PendingOverlay {
  private readonly byEntity = new Map<string, Map<string, RegisterState>>();

  constructor(pending: Iterable<AnyMutation>) {
    for (const mutation of pending) this.add(mutation);
  }

  add(mutation: AnyMutation): void {
    for (const write of registerWrites(mutation)) {
      const key = entityKey(write.entity, write.entityId);
      let fields = this.byEntity.get(key);
      if (!fields) this.byEntity.set(key, (fields = new Map<string, RegisterState>()));
      if (policyOf(write.field) === 'first-writer' && fields.has(write.field)) continue;
      fields.set(write.field, { value: write.value, origin: 'pending', seq: 0, mutationId: mutation.id, officer: mutation.officer, at: mutation.at });
    }
  }

  fieldsOf(entity: SyncedEntity, entityId: string): ReadonlyMap<string, RegisterState> | undefined {
    return this.byEntity.get(entityKey(entity, entityId));
  }

  has(entity: SyncedEntity, entityId: string, field: string): boolean {
    return this.fieldsOf(entity, entityId)?.has(field) ?? false;
  }
}

/** What a register shows: the officer's pending write over the hub's, except that a creation made in the hub stays. */
export function resolveFields(confirmed: Map<string, RegisterState>, pending: ReadonlyMap<string, RegisterState> | undefined): Map<string, RegisterState> {
  const shown = new Map(confirmed);
  for (const [field, state] of pending ?? []) {
    const held = confirmed.get(field);
    if (policyOf(field) === 'first-writer' && held?.origin === 'hub') continue;
    shown.set(field, state);
  }
  return shown;
}
