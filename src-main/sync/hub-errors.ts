import type { MutationRefusalRef } from '../../shared/hub/protocol';

/** The hub cannot be used right now (refused connection, timeout, 5xx, 429, cut or malformed answer): retry later. */
export class HubUnavailableError extends Error {
  constructor(
    message: string,
    /** How long the hub asked us to wait (its Retry-After), if it said. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'HubUnavailableError';
  }
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** The hub answered and said no (4xx): retrying the same request will not help. */
export class HubRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The one mutation of a push the hub refused for what it does (not for who pushed it). */
    readonly refused: MutationRefusalRef | null = null,
  ) {
    super(message);
    this.name = 'HubRefusedError';
  }
}

/** The engine itself cancelled the request (to push at once, or to stop): not a failure. */
export class SyncCancelled extends Error {
  constructor(readonly why: 'wake' | 'stop' | 'hold') {
    super(`cancelled (${why})`);
    this.name = 'SyncCancelled';
  }
}

const TRANSIENT_STATUSES = new Set([408, 425, 429]);

/** Turns a non-2xx answer into the error the engine acts on; the hub's message is kept, it carries no personal data. */
export function errorForStatus(status: number, body: string, retryAfterMs: number | null = null): Error {
  let code = `HTTP_${status}`;
  let message = `the hub answered ${status}`;
  let refused: MutationRefusalRef | null = null;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown; refused?: { index?: unknown; id?: unknown } } };
    if (typeof parsed.error?.code === 'string') code = parsed.error.code;
    if (typeof parsed.error?.message === 'string') message = `the hub answered ${status}: ${parsed.error.message.slice(0, 300)}`;
    const { index, id } = parsed.error?.refused ?? {};
    if (Number.isSafeInteger(index) && (index as number) >= 0 && typeof id === 'string') refused = { index: index as number, id };
  } catch {
    // Not a HubErrorBody (a proxy's page, say): the status says enough.
  }
  if (status >= 500 || TRANSIENT_STATUSES.has(status)) return new HubUnavailableError(message, retryAfterMs);
  return new HubRefusedError(status, code, message, refused);
}

/** A readable cause for a failed fetch: undici hides the useful part in `cause`. */
export function describeNetworkFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED') return 'the hub refuses connections (is it running?)';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || message === 'terminated') return 'the hub closed the connection half-way';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the hub’s address cannot be resolved';
  return `the hub cannot be reached (${code ?? message})`;
}
