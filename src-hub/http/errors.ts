/**
 * Every failure leaves the hub as `{ error: { code, message } }` (HubErrorBody) with a fitting status. Bad
 * input is always a 4xx: Fastify's own errors (body too large, unsupported media type, unparsable JSON) are
 * mapped here; only a fault of the hub itself is a 500, and its details go to the log, not to the caller.
 */
import type { FastifyError } from 'fastify';
import type { HubErrorBody, MutationRefusalRef } from '../../shared/hub/protocol';
import { isAppError, type ErrorCode } from '../../shared/errors';

const STATUS_OF: Record<ErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAVAILABLE: 503,
  RATE_LIMITED: 429,
  TIMEOUT: 408,
  RETENTION_WINDOW: 410,
  STORE_CANNOT_OPEN: 503,
  STORE_KEY_WRONG: 500,
  STORE_KEY_MISSING: 500,
  STORE_NOT_ENCRYPTED: 500,
  KEYCHAIN_UNAVAILABLE: 500,
  OWNER_CHECK_UNAVAILABLE: 500,
  STORE_TOO_NEW: 500,
  STORE_UPGRADE_FAILED: 500,
  INTERNAL: 500,
};

/** An error with an explicit HTTP status (e.g. 413, 415) and one of the shared codes. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** The one mutation of a push that was refused (see HubErrorBody). */
    readonly refused?: MutationRefusalRef,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ErrorReply {
  status: number;
  body: HubErrorBody;
  /** True for faults of the hub (logged with details); false for the caller's mistakes. */
  internal: boolean;
}

const reply = (status: number, code: ErrorCode, message: string, internal = false, refused?: MutationRefusalRef): ErrorReply => ({
  status,
  body: { error: { code, message, ...(refused ? { refused } : {}) } },
  internal,
});

function fastifyStatus(error: unknown): number | undefined {
  const status = (error as Partial<FastifyError> | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** 16 KB, 64 KB, 32 MB: a limit as a person reads it. */
function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function errorReply(error: unknown, bodyLimit?: number): ErrorReply {
  if (error instanceof HttpError) return reply(error.status, error.code, error.message, false, error.refused);
  if (isAppError(error)) return reply(STATUS_OF[error.code], error.code, error.message, STATUS_OF[error.code] >= 500);
  const status = fastifyStatus(error);
  if (status === 413) {
    const limit = bodyLimit ? ` (at most ${sizeInWords(bodyLimit)} here)` : '';
    return reply(413, 'BAD_INPUT', `the request body is too large${limit}`);
  }
  if (status === 415) return reply(415, 'BAD_INPUT', `unsupported Content-Type: ${(error as Error).message}`);
  if (status === 401) return reply(401, 'UNAUTHENTICATED', (error as Error).message);
  if (status === 403) return reply(403, 'FORBIDDEN', (error as Error).message);
  if (status === 404) return reply(404, 'NOT_FOUND', (error as Error).message);
  if (status === 408) return reply(408, 'TIMEOUT', (error as Error).message);
  if (status !== undefined) return reply(status, 'BAD_INPUT', (error as Error).message);
  return reply(500, 'INTERNAL', 'the hub failed to handle this request; the failure is logged', true);
}
