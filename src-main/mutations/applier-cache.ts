import type Database from 'better-sqlite3';
import { systemClock, type Clock } from '../../shared/platform/clock';
import { createMutationApplier, type MutationApplier } from './applier';

const appliers = new WeakMap<Database.Database, MutationApplier>();

/** One applier (its prepared statements) per connection, for the local write path's many small calls. */
export function applierFor(sqlite: Database.Database, clock: Clock = systemClock): MutationApplier {
  let applier = appliers.get(sqlite);
  if (!applier) appliers.set(sqlite, (applier = createMutationApplier(sqlite, { clock })));
  return applier;
}
