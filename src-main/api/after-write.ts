import type { ApiEvents } from '../../shared/api/contract';
import type { ApiContext } from './context';

type Entity = ApiEvents['work.changed']['entities'][number];

/** After an officer's change: every window refreshes what changed, and sync pushes it without waiting. */
export function announceWork(context: ApiContext, ...entities: Entity[]): void {
  context.events.emit('work.changed', { entities });
  context.sync.wake();
}
