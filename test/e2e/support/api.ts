/**
 * The workstation's own API over HTTP, as the renderer calls it in browser mode (POST /api/call with the launch
 * token). Tests use it only to prepare state that is not what they check, and the UI benchmark to time the
 * raw call beneath the page.
 */
import type { ApiMethod, ApiParams, ApiValue } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/result';
import { HTTP_CALL_PATH, TOKEN_QUERY_PARAM } from '../../../shared/api/wire';

export async function callApi<M extends ApiMethod>(pageUrl: string, method: M, params: ApiParams<M>): Promise<ApiValue<M>> {
  const url = new URL(pageUrl);
  const token = url.searchParams.get(TOKEN_QUERY_PARAM);
  if (!token) throw new Error(`no launch token in ${pageUrl}`);
  const response = await fetch(new URL(HTTP_CALL_PATH, url.origin), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ method, params }),
  });
  const result = (await response.json()) as ApiResult<ApiValue<M>>;
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}
