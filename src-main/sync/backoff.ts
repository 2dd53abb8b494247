export interface BackoffOptions {
  /** First delay after a failure (ms). */
  initialMs: number;
  /** Longest delay, however long the hub stays away (ms). */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 60_000 };

/**
 * Delay before retry number `attempt` (0 for the first): exponential, capped, with "equal jitter" — half
 * fixed, half random — so workstations that lost the hub together do not return in lockstep, yet every
 * retry waits at least half its step.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const step = Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + (step / 2) * random());
}

/**
 * Delay after a failed turn: the backoff, or longer when the hub said how long to wait (429/503 with
 * Retry-After) — never beyond the backoff's cap, so a hub that asks too much is still tried again.
 */
export function retryDelay(error: unknown, attempt: number, options: BackoffOptions, random: () => number): number {
  const asked = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  const backoff = backoffDelay(attempt, options, random);
  return typeof asked === 'number' ? Math.min(options.maxMs, Math.max(backoff, asked)) : backoff;
}
