import type { ErrorCode } from '../errors';

/** What crosses every transport: a value, or an error code with a message for people. Never a thrown object. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
}

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): ApiResult<never> => ({ ok: false, error: { code, message } });
