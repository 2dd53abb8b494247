import type { EventHub } from './event-hub';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

/**
 * Keeps a WebSocket to the event stream open, reconnecting with exponential backoff. Events pushed while the
 * socket was down are lost, so after a reconnect the listeners are told that everything may have changed, and
 * `onOpen` runs at every opening, the first included (events pushed before it were not sent to this socket).
 */
export function connectEventSocket(url: string, events: EventHub, onOpen: () => void = () => undefined): () => void {
  let retryMs = FIRST_RETRY_MS;
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let connectedBefore = false;

  const open = () => {
    socket = new WebSocket(url);
    socket.onopen = () => {
      retryMs = FIRST_RETRY_MS;
      if (connectedBefore) {
        events.emit('reports.changed', { count: 0 });
        events.emit('work.changed', { entities: ['report', 'case', 'note', 'link', 'benign', 'action', 'directory', 'routing', 'officer'] });
      }
      connectedBefore = true;
      onOpen();
    };
    socket.onmessage = (message: MessageEvent) => {
      if (typeof message.data !== 'string') return;
      try {
        const parsed = JSON.parse(message.data) as { event?: unknown; payload?: unknown };
        if (typeof parsed.event === 'string') events.emit(parsed.event, parsed.payload);
      } catch {
        // Not JSON: not ours to interpret.
      }
    };
    socket.onclose = () => {
      socket = null;
      if (stopped) return;
      timer = setTimeout(open, retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    };
  };
  open();

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    socket?.close();
  };
}
