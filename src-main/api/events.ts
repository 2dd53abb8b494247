import type { ApiEvent, ApiEvents } from '../../shared/api/contract';
import type { EventMessage } from '../../shared/api/wire';

export type ApiEventListener = (message: EventMessage) => void;

/** Fans ApiEvents out to every transport's subscribers (IPC windows, WebSockets). */
export function createApiEventBus() {
  const listeners = new Set<ApiEventListener>();
  return {
    emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void {
      const message = { event, payload } as EventMessage;
      for (const listener of listeners) {
        try {
          listener(message);
        } catch {
          // One broken subscriber (a closed window, a dead socket) must not keep the event from the others.
        }
      }
    },
    subscribe(listener: ApiEventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type ApiEventBus = ReturnType<typeof createApiEventBus>;
