/**
 * Whether the window is in use, for the first sync's slice budget (../ingest/apply-feed-page.ts): while it is,
 * pulled pages are applied in short transactions so its calls never wait long; once it has been quiet a while, in
 * long ones, which sync faster. A call the window still waits on keeps it in use however long it takes — a sign-in
 * at the identity provider waits minutes for `session.oidcFinish`, and its code exchange, hub session and key
 * enrolment then run on the core's thread beside the sync.
 */
import { BACKGROUND_SLICE_MS, FEED_SLICE_MS } from '../ingest/apply-feed-page';

/** How long after its last call the window still counts as in use (ms). */
export const WINDOW_IN_USE_MS = 2000;

export interface WindowUse {
  /** Notes a call from the window; the returned function notes its answer. */
  called(): () => void;
  /** The slice budget now (ms). */
  sliceMs(): number;
}

export function createWindowUse(monotonicMs: () => number = () => performance.now()): WindowUse {
  let lastCallAt = Number.NEGATIVE_INFINITY;
  let unanswered = 0;
  return {
    called() {
      lastCallAt = monotonicMs();
      unanswered += 1;
      return () => {
        unanswered -= 1;
        lastCallAt = monotonicMs();
      };
    },
    sliceMs: () => (unanswered > 0 || monotonicMs() - lastCallAt < WINDOW_IN_USE_MS ? FEED_SLICE_MS : BACKGROUND_SLICE_MS),
  };
}
