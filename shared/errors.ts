/**
 * Error codes that cross process and network boundaries. Messages are for people; codes are for code.
 * Every failure a caller can act on has a code here.
 */
export const ERROR_CODES = [
  'STORE_CANNOT_OPEN',
  'STORE_KEY_WRONG',
  /** Outside the demo a store is opened only with its key (PUZZELSTUK_DB_KEY, or the OS keychain). */
  'STORE_KEY_MISSING',
  /** Outside the demo an unencrypted store is refused; `store encrypt` encrypts it. */
  'STORE_NOT_ENCRYPTED',
  /** The desktop has no real keychain (none, or Linux's basic_text) and the officer did not accept that. */
  'KEYCHAIN_UNAVAILABLE',
  /** Signing in with a police account needs to know which local user opens its loopback page, and this computer cannot tell. */
  'OWNER_CHECK_UNAVAILABLE',
  'STORE_TOO_NEW',
  /** A migration of the store failed: all of the upgrade was rolled back, the store is as it was. */
  'STORE_UPGRADE_FAILED',
  'BAD_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'UNAVAILABLE',
  /** Too many requests (or failed sign-ins) in a while: wait as the answer says (Retry-After). */
  'RATE_LIMITED',
  /** A request that did not arrive in time (a body sent too slowly). */
  'TIMEOUT',
  /**
   * A text for a case or request that lost a report to retention less than two days ago: it is taken again from the
   * day in `details.from` (shared/retention/late-quotes.ts).
   */
  'RETENTION_WINDOW',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** What a log line may say of a failure: its code, or its kind — never its message, which may quote a record. */
export function errorKind(error: unknown): string {
  return isAppError(error) ? error.code : error instanceof Error ? error.name : 'unknown';
}
