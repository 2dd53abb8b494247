import { API_METHODS, type ApiMethod } from '../../shared/api/contract';
import { apiParamSchemas, describeParamIssues } from '../../shared/api/params';
import { fail, type ApiResult } from '../../shared/api/result';
import type { ApiContext } from './context';
import { handlers } from './handlers';
import { answerOrRefusal } from './refusal-envelope';

const isApiMethod = (method: unknown): method is ApiMethod => typeof method === 'string' && (API_METHODS as readonly string[]).includes(method);

/** Where in the code it failed, without the message (which may quote a record's text). */
function stackFrames(error: unknown): string | undefined {
  if (!(error instanceof Error) || !error.stack) return undefined;
  return error.stack
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8)
    .map((line) => line.trim())
    .join(' | ');
}

/**
 * The one entry point of every transport: checks the method and its params, runs the handler, and answers an
 * envelope. Never throws; an unexpected failure is logged without params and answered with a generic message.
 */
export async function dispatch(method: unknown, params: unknown, context: ApiContext): Promise<ApiResult<unknown>> {
  if (!isApiMethod(method)) return fail('BAD_INPUT', `Unknown method ${JSON.stringify(String(method)).slice(0, 80)}.`);
  const parsed = apiParamSchemas[method].safeParse(params ?? {});
  if (!parsed.success) return fail('BAD_INPUT', `Invalid params for ${method}: ${describeParamIssues(parsed.error.issues)}.`);
  try {
    const handler = handlers[method] as (params: unknown, context: ApiContext) => unknown;
    return await answerOrRefusal(() => handler(parsed.data, context));
  } catch (error) {
    context.logger.error('api.unexpected_error', { method, error: error instanceof Error ? error.name : typeof error, frames: stackFrames(error) });
    return fail('INTERNAL', 'Something went wrong in Puzzelstuk; the change (if any) was not saved. Try again, and tell your administrator if it keeps happening.');
  }
}
