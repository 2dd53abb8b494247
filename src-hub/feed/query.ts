/** Checks `GET /v1/feed` query parameters (see FeedQueryParams in shared/hub/protocol.ts); bad ones are 400s. */
import { FEED_LIMITS } from '../../shared/hub/protocol';
import { AppError } from '../../shared/errors';

export interface FeedRequest {
  after: bigint;
  limit: number;
  /** Raw scope parameter (checked against the token later), if any. */
  scope: string | undefined;
  waitSeconds: number;
}

const MAX_SEQ = 9_223_372_036_854_775_807n;

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new AppError('BAD_INPUT', `${name} must be given once`);
  return value;
}

function wholeNumber(name: string, text: string, min: number, max: number): number {
  if (!/^\d{1,9}$/.test(text)) throw new AppError('BAD_INPUT', `${name} must be a whole number, got "${text.slice(0, 40)}"`);
  const value = Number(text);
  if (value < min || value > max) throw new AppError('BAD_INPUT', `${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function parseFeedRequest(query: unknown): FeedRequest {
  const params = (query ?? {}) as Record<string, unknown>;
  const afterText = single(params, 'after') ?? '0';
  if (!/^\d{1,19}$/.test(afterText) || BigInt(afterText) > MAX_SEQ) {
    throw new AppError('BAD_INPUT', `after must be a cursor from a previous page (or 0), got "${afterText.slice(0, 40)}"`);
  }
  const limitText = single(params, 'limit');
  const waitText = single(params, 'wait');
  const waitSeconds = waitText === undefined ? 0 : wholeNumber('wait', waitText, 0, 999_999_999);
  return {
    after: BigInt(afterText),
    limit: limitText === undefined ? FEED_LIMITS.defaultLimit : wholeNumber('limit', limitText, 1, FEED_LIMITS.maxLimit),
    scope: single(params, 'scope'),
    waitSeconds: Math.min(waitSeconds, FEED_LIMITS.maxWaitSeconds),
  };
}
