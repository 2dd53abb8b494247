import type { ApiEvent, ApiEvents } from '../../shared/api/contract';

type AnyListener = (payload: never) => void;

const KNOWN_EVENTS: ReadonlySet<string> = new Set<ApiEvent>(['reports.changed', 'work.changed', 'sync.state', 'core.restarted', 'session.locked']);

/**
 * Events that carry a state rather than news of a change: a listener that subscribes after one arrived gets the
 * latest at once. The transport is connected before the screens' code has loaded (early-start.ts), so the sync
 * engine's first success may come in before anyone listens; without it the page would show "offline" until the
 * engine's next change, a long poll later.
 */
const STATE_EVENTS: ReadonlySet<ApiEvent> = new Set<ApiEvent>(['sync.state']);

const isApiEvent = (name: string): name is ApiEvent => KNOWN_EVENTS.has(name);

/** Fan-out of pushed events to listeners by name; both transports deliver into one of these. */
export function createEventHub() {
  const listeners = new Map<ApiEvent, Set<AnyListener>>();
  const latest = new Map<ApiEvent, unknown>();

  function subscribe<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    if (latest.has(event)) listener(latest.get(event) as ApiEvents[E]);
    return () => set.delete(listener);
  }

  /** Payloads come from our own main process; only the event name is checked. */
  function emit(event: string, payload: unknown): void {
    if (!isApiEvent(event)) return;
    if (STATE_EVENTS.has(event)) latest.set(event, payload);
    for (const listener of listeners.get(event) ?? []) (listener as (payload: unknown) => void)(payload);
  }

  return { subscribe, emit };
}

export type EventHub = ReturnType<typeof createEventHub>;
