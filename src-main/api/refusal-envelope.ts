import { fail, ok, type ApiResult } from '../../shared/api/result';
import { isAppError } from '../../shared/errors';

/** Runs one handler's work: its answer, or its refusal (an AppError) as an envelope; anything else is thrown on. */
export async function answerOrRefusal<T>(work: () => T | Promise<T>): Promise<ApiResult<T>> {
  try {
    return ok(await work());
  } catch (error) {
    if (isAppError(error)) return fail(error.code, error.message);
    throw error;
  }
}
