import type { ApiClient } from '../../shared/api/contract';
import type { StartState } from '../../shared/api/start-state';

/** The core's start as the page knows it: null until the first answer or event. */
export interface StartWatch {
  get(): StartState | null;
  subscribe(listener: () => void): () => void;
}

/**
 * Asks how far the core's start is and follows it. The event carries every later step; the answer is for a page
 * that opened after some (the desktop's window is shown before its page has loaded), and is taken only while no
 * event has come since it was asked: an event is never older than an answer asked before it.
 */
export function watchStartState(api: ApiClient): StartWatch {
  let state: StartState | null = null;
  let heard = false;
  const listeners = new Set<() => void>();
  const move = (next: StartState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  api.subscribe('app.startState', (next) => {
    heard = true;
    move(next);
  });
  void api.call('app.startState', {}).then((answer) => {
    if (heard) return;
    // A page served by a core older than this page has no such call: it has started, or it would not answer.
    move(answer.ok ? answer.value : { phase: 'ready' });
  });
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
