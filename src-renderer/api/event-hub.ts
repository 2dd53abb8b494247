import type { ApiEvent, ApiEvents } from '../../shared/api/contract';

type AnyListener = (payload: never) => void;

const KNOWN_EVENTS: ReadonlySet<string> = new Set<ApiEvent>(['reports.changed', 'work.changed', 'sync.state', 'core.restarted', 'session.locked', 'app.startState']);

/**
 * Events that carry a state rather than news of a change: a listener that subscribes after one arrived gets the
 * latest at once. The transport is connected before the screens' code has loaded (early-start.ts), so the sync
 * engine's first success may come in before anyone listens; without it the page would show "offline" until the
 * engine's next change, a long poll later.
 */
const STATE_EVENTS: ReadonlySet<ApiEvent> = new Set<ApiEvent>(['sync.state', 'app.startState']);

const isApiEvent = (name: string): name is ApiEvent => KNOWN_EVENTS.has(name);

/**
 * News of a change that came while nobody listened is kept, merged, for the first listener: the early calls
 * (early-calls.ts) may have been answered before the change, and without it the page would show their older answers
 * until the next change — after a first sync's last page, none.
 */
type MissedNews = { 'reports.changed': ApiEvents['reports.changed']; 'work.changed': ApiEvents['work.changed'] };
const mergeNews: { [E in keyof MissedNews]: (earlier: MissedNews[E], later: MissedNews[E]) => MissedNews[E] } = {
  'reports.changed': (earlier, later) => ({ count: earlier.count + later.count }),
  'work.changed': (earlier, later) => ({ entities: [...new Set([...earlier.entities, ...later.entities])] }),
};
const isNews = (event: ApiEvent): event is keyof MissedNews => event in mergeNews;

/** Fan-out of pushed events to listeners by name; both transports deliver into one of these. */
export function createEventHub() {
  const listeners = new Map<ApiEvent, Set<AnyListener>>();
  const latest = new Map<ApiEvent, unknown>();
  const missed = new Map<keyof MissedNews, unknown>();

  function subscribe<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    if (latest.has(event)) listener(latest.get(event) as ApiEvents[E]);
    if (isNews(event) && missed.has(event)) {
      const news = missed.get(event) as ApiEvents[E];
      missed.delete(event);
      listener(news);
    }
    return () => set.delete(listener);
  }

  /** Payloads come from our own main process; only the event name is checked. */
  function emit(event: string, payload: unknown): void {
    if (!isApiEvent(event)) return;
    if (STATE_EVENTS.has(event)) latest.set(event, payload);
    const current = listeners.get(event);
    if (isNews(event) && !current?.size) {
      const earlier = missed.get(event);
      missed.set(event, earlier === undefined ? payload : (mergeNews[event] as (a: unknown, b: unknown) => unknown)(earlier, payload));
      return;
    }
    for (const listener of current ?? []) (listener as (payload: unknown) => void)(payload);
  }

  return { subscribe, emit };
}

export type EventHub = ReturnType<typeof createEventHub>;
