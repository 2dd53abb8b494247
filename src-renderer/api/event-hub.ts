import type { ApiEvent, ApiEvents } from '../../shared/api/contract';

type AnyListener = (payload: never) => void;

const KNOWN_EVENTS: ReadonlySet<string> = new Set<ApiEvent>(['reports.changed', 'work.changed', 'sync.state', 'core.restarted', 'session.locked']);

const isApiEvent = (name: string): name is ApiEvent => KNOWN_EVENTS.has(name);

/** Fan-out of pushed events to listeners by name; both transports deliver into one of these. */
export function createEventHub() {
  const listeners = new Map<ApiEvent, Set<AnyListener>>();

  function subscribe<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Payloads come from our own main process; only the event name is checked. */
  function emit(event: string, payload: unknown): void {
    if (!isApiEvent(event)) return;
    for (const listener of listeners.get(event) ?? []) (listener as (payload: unknown) => void)(payload);
  }

  return { subscribe, emit };
}

export type EventHub = ReturnType<typeof createEventHub>;
